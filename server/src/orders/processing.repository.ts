// The SQL of order processing (see order-processing.ts for the steps). Each
// step is one statement for a whole batch of orders. Lock order: orders by
// id, then products by id, as everywhere else.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OrderStatus } from '../db/database.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** pending -> processing, in its own commit, so clients see a retried order is being worked on. */
export async function markProcessing(db: Db, orderId: number): Promise<void> {
  await db
    .updateTable('orders')
    .set({ status: 'processing', version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', orderId)
    .where('status', '=', 'pending')
    .execute();
}

/** The ids among `orderIds` still waiting to be processed, row-locked in id order. */
export async function lockOpenOrders(trx: Trx, orderIds: number[]): Promise<number[]> {
  const rows = await trx
    .selectFrom('orders')
    .select('id')
    .where('id', 'in', orderIds)
    .where('status', 'in', ['pending', 'processing'])
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export interface OrderLine {
  order_id: number;
  product_id: number;
  /** As placed. */
  name: string;
  quantity: number;
  stock: number;
  deleted: boolean;
}

/**
 * The orders' lines with their products' stock, the products locked in id
 * order (so concurrent batches cannot deadlock). NO KEY UPDATE is the lock the
 * stock update takes anyway; unlike FOR UPDATE it lets orders for the same
 * products be placed meanwhile (placement takes KEY SHARE).
 */
export async function lockOrderLines(trx: Trx, orderIds: number[]): Promise<OrderLine[]> {
  const rows = await trx
    .selectFrom('order_items as oi')
    .innerJoin('products as p', 'p.id', 'oi.product_id')
    .select(['oi.order_id', 'oi.product_id', 'oi.product_name as name', 'oi.quantity', 'p.stock', 'p.deleted_at'])
    .where('oi.order_id', 'in', orderIds)
    .orderBy('p.id')
    .forNoKeyUpdate('p')
    .execute();
  return rows.map(({ deleted_at, ...line }) => ({ ...line, deleted: deleted_at !== null }));
}

/** Takes `quantity` of each product; returns how many products were updated. */
export async function takeStock(trx: Trx, quantities: Map<number, number>): Promise<number> {
  const result = await sql`
    update products set stock = stock - t.quantity, version = version + 1, updated_at = now()
    from unnest(${[...quantities.keys()]}::int[], ${[...quantities.values()]}::int[]) as t(id, quantity)
    where products.id = t.id and products.stock >= t.quantity and products.deleted_at is null`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface Outcome {
  status: Extract<OrderStatus, 'completed' | 'failed'>;
  failure_reason: string | null;
}

/** Ends processing of each order: completed orders hold their stock from now on. */
export async function finishOrders(trx: Trx, outcomes: Map<number, Outcome>): Promise<void> {
  const entries = [...outcomes];
  await sql`
    update orders set status = t.status, failure_reason = t.reason, stock_reserved = (t.status = 'completed'),
      version = version + 1, updated_at = now()
    from unnest(${entries.map(([id]) => id)}::int[], ${entries.map(([, o]) => o.status)}::text[],
      ${entries.map(([, o]) => o.failure_reason)}::text[]) as t(id, status, reason)
    where orders.id = t.id`.execute(trx);
}

/** Fails an order that could not be processed at all (retries exhausted), unless it already moved on. */
export async function abandonOrder(db: Db, orderId: number, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ status: 'failed', failure_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', orderId)
    .where('status', 'in', ['pending', 'processing'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Operator action (`storefront orders requeue --failed`): moves up to `limit`
 * failed orders (of `ids` when given) back to pending, oldest first, and
 * returns their ids so each gets a new job in the same transaction. Not a
 * request transition (order-lifecycle.ts): a failed order took no stock and
 * keeps the prices it was placed at, so processing it again is safe.
 */
export async function reopenFailedOrders(trx: Trx, limit: number, ids?: number[]): Promise<number[]> {
  let pick = trx.selectFrom('orders').select('id').where('status', '=', 'failed');
  if (ids) pick = pick.where('id', 'in', ids);
  const rows = await trx
    .updateTable('orders')
    .set({ status: 'pending', failure_reason: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', 'in', pick.orderBy('id').limit(limit).forUpdate().skipLocked())
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
