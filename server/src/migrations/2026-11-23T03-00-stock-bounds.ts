// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Stock has the contract's maximum (Stock: 1,000,000,000) in the database too:
// cancelling an order returns its stock, which could push a product past what
// the API may answer. NOT VALID: rows already above it (only that bug could
// make them) are not rewritten behind the operator's back; every write from
// now on is checked, so such a row can only go down.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table products add constraint products_stock_max check (stock <= 1000000000) not valid`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table products drop constraint products_stock_max`.execute(db);
}
