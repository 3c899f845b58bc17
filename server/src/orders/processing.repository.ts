// The SQL of order processing (see order-processing.ts for the steps).
import { type Kysely, sql } from 'kysely';
import type { Database, OrderRow } from '../db/database.js';

type Db = Kysely<Database>;

/** pending -> processing, in its own commit so clients can see the order is being worked on. */
export async function markProcessing(db: Db, orderId: number): Promise<void> {
  await db
    .updateTable('orders')
    .set({ status: 'processing', version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', orderId)
    .where('status', '=', 'pending')
    .execute();
}

export async function lockOrder(trx: Db, orderId: number): Promise<OrderRow | undefined> {
  return trx.selectFrom('orders').selectAll().where('id', '=', orderId).forUpdate().executeTakeFirst();
}

export interface OrderLine {
  product_id: number;
  name: string;
  stock: number;
  deleted: boolean;
  quantity: number;
}

/** The order's products with the wanted quantities, row-locked in id order (so concurrent orders cannot deadlock). */
export async function lockOrderLines(trx: Db, orderId: number): Promise<OrderLine[]> {
  const rows = await trx
    .selectFrom('order_items as oi')
    .innerJoin('products as p', 'p.id', 'oi.product_id')
    .select(['p.id as product_id', 'p.name', 'p.stock', 'p.deleted_at', 'oi.quantity'])
    .where('oi.order_id', '=', orderId)
    .orderBy('p.id')
    .forUpdate('p')
    .execute();
  return rows.map(({ deleted_at, ...line }) => ({ ...line, deleted: deleted_at !== null }));
}

/** Copies each product's current name and price onto the order's items. */
export async function snapshotItems(trx: Db, orderId: number): Promise<void> {
  await trx
    .updateTable('order_items')
    .from('products')
    .set((eb) => ({ product_name: eb.ref('products.name'), unit_price: eb.ref('products.price') }))
    .whereRef('products.id', '=', 'order_items.product_id')
    .where('order_items.order_id', '=', orderId)
    .execute();
}

/** The conditional reservation: takes stock only if enough is left. */
export async function reserveStock(trx: Db, productId: number, quantity: number): Promise<boolean> {
  const result = await trx
    .updateTable('products')
    .set({ stock: sql`stock - ${quantity}`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', productId)
    .where('stock', '>=', quantity)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Ends processing; the total is summed by the database from the exact NUMERIC snapshots. */
export async function finishOrder(
  trx: Db,
  orderId: number,
  outcome: { status: 'completed'; stock_reserved: true } | { status: 'failed'; failure_reason: string },
): Promise<void> {
  await trx
    .updateTable('orders')
    .set({
      ...outcome,
      total_amount: sql<string>`(select sum(quantity * unit_price) from order_items where order_id = ${orderId})`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', orderId)
    .execute();
}

/** Fails an order that could not be processed at all (retries exhausted), unless it already moved on. */
export async function abandonOrder(db: Db, orderId: number, reason: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ status: 'failed', failure_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', orderId)
    .where('status', 'in', ['pending', 'processing'])
    .execute();
}
