// The SQL of order processing (see order-processing.ts for the steps). Each
// step is one statement for a whole batch of orders. Lock order: orders by
// id, then products by id, as everywhere else.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OrderStatus } from '../db/database.js';
import type { DeliveryJobs } from '../webhooks/outbox.js';
import { announceOrdersSql } from './order-events.sql.js';

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
 * The lines of those of `orderIds` still waiting to be processed, with their
 * products' stock, in one statement: the orders are row-locked in id order
 * (the materialized CTE runs in full below the sort), then their products in
 * id order (the lock is taken above the sort), so concurrent batches cannot
 * deadlock. NO KEY UPDATE is the lock the stock update takes anyway; unlike
 * FOR UPDATE it lets orders for the same products be placed meanwhile
 * (placement takes KEY SHARE). Every order has at least one line.
 */
export async function lockOpenOrderLines(trx: Trx, orderIds: number[]): Promise<OrderLine[]> {
  const { rows } = await sql<Omit<OrderLine, 'deleted'> & { deleted_at: Date | null }>`
    with open as materialized (
      select id from orders where id = any(${orderIds}::int[]) and status in ('pending', 'processing')
      order by id for update
    )
    select oi.order_id, oi.product_id, oi.product_name as name, oi.quantity, p.stock, p.deleted_at
    from order_items oi join products p on p.id = oi.product_id
    where oi.order_id in (select id from open)
    order by p.id, oi.order_id
    for no key update of p`.execute(trx);
  return rows.map(({ deleted_at, ...line }) => ({ ...line, deleted: deleted_at !== null }));
}

export interface Outcome {
  status: Extract<OrderStatus, 'completed' | 'failed'>;
  failure_reason: string | null;
}

export interface Finish {
  /** Quantity to take per product. */
  take: Map<number, number>;
  outcomes: Map<number, Outcome>;
  /** The webhook event id announcing each order's outcome. */
  eventIds: Map<number, string>;
}

/**
 * In one statement: takes the stock, ends processing of each order (completed
 * orders hold their stock from now on) and announces each outcome through the
 * outbox. Returns how many products had their stock taken.
 */
export async function finishOrders(trx: Trx, f: Finish, deliveryJobs: DeliveryJobs): Promise<number> {
  const entries = [...f.outcomes];
  const { rows } = await sql<{ taken: number }>`
    with
    taken as (
      update products set stock = stock - t.quantity, version = version + 1, updated_at = now()
      from unnest(${[...f.take.keys()]}::int[], ${[...f.take.values()]}::int[]) as t(id, quantity)
      where products.id = t.id and products.stock >= t.quantity and products.deleted_at is null
      returning products.id
    ),
    finished as (
      -- Milliseconds, the precision the API and the event show.
      update orders set status = t.status, failure_reason = t.reason, stock_reserved = (t.status = 'completed'),
        version = version + 1, updated_at = date_trunc('milliseconds', now())
      from unnest(${entries.map(([id]) => id)}::int[], ${entries.map(([, o]) => o.status)}::text[],
        ${entries.map(([, o]) => o.failure_reason)}::text[],
        ${entries.map(([id]) => f.eventIds.get(id) ?? null)}::text[]) as t(id, status, reason, event_id)
      where orders.id = t.id
      returning orders.*, t.event_id as announce_id
    ),
    announced as (select f.announce_id as event_id, 'order.' || f.status as type, f.* from finished f),
    ${announceOrdersSql(deliveryJobs, 'order_items')}
    select (select count(*)::int from taken) as taken
    where (select count(*) from delivery_wake) >= 0`.execute(trx);
  return rows[0]?.taken ?? 0;
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
