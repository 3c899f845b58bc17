// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Prices, names and totals are fixed when an order is placed. Orders placed
// before that and not processed yet (or cancelled while pending) had none:
// they take the product's current name and price, the closest record there is.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update order_items oi set product_name = p.name, unit_price = p.price
    from products p
    where p.id = oi.product_id and (oi.product_name is null or oi.unit_price is null)`.execute(db);
  await sql`
    update orders o set total_amount = coalesce((select sum(quantity * unit_price) from order_items where order_id = o.id), 0)
    where total_amount is null`.execute(db);
  await sql`alter table order_items alter column product_name set not null, alter column unit_price set not null`.execute(
    db,
  );
  await sql`alter table orders alter column total_amount set not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders alter column total_amount drop not null`.execute(db);
  await sql`alter table order_items alter column product_name drop not null, alter column unit_price drop not null`.execute(
    db,
  );
}
