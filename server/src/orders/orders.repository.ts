// All SQL about orders and their items. Functions take the database (or a
// transaction) first. Lock order everywhere: the order row, then products by id.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OrderItemRow, OrderRow, OrderStatus } from '../db/database.js';
import type { components } from '@storefront/contract/types';

type Db = Kysely<Database>;
/** Functions that lock rows, or belong to the placement transaction, take only a transaction. */
type Trx = Transaction<Database>;
export type Order = components['schemas']['Order'];

const money = (value: string) => Number(value);

/** The one mapping from rows to the API shape. NUMERIC arrives as exact decimal strings. */
export function toOrder(row: OrderRow, items: OrderItemRow[]): Order {
  return {
    id: row.id,
    user_id: row.user_id,
    status: row.status,
    total_amount: money(row.total_amount),
    shipping_address: row.shipping_address,
    items: items.map((i) => ({
      id: i.id,
      product_id: i.product_id,
      product_name: i.product_name,
      quantity: i.quantity,
      unit_price: money(i.unit_price),
    })),
    failure_reason: row.failure_reason,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export interface OrderWithItems {
  row: OrderRow;
  items: OrderItemRow[];
}

async function itemsByOrder(db: Db, orderIds: number[]): Promise<Map<number, OrderItemRow[]>> {
  const byOrder = new Map<number, OrderItemRow[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const items = await db
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
  for (const item of items) byOrder.get(item.order_id)?.push(item);
  return byOrder;
}

/** Several orders with their items, in id order. */
export async function findOrders(db: Db, ids: number[]): Promise<OrderWithItems[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('orders').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const items = await itemsByOrder(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, items: items.get(row.id) ?? [] }));
}

export async function findOrder(db: Db, id: number): Promise<OrderWithItems | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { row, items: (await itemsByOrder(db, [id])).get(id) ?? [] };
}

export interface OrderFilter {
  page: number;
  pageSize: number;
  userId?: number | undefined;
  status?: OrderStatus | undefined;
}

/** Newest first (ties on id), with items, in two queries. */
export async function listOrders(db: Db, f: OrderFilter): Promise<{ orders: OrderWithItems[]; total: number }> {
  let query = db.selectFrom('orders');
  if (f.userId !== undefined) query = query.where('user_id', '=', f.userId);
  if (f.status !== undefined) query = query.where('status', '=', f.status);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const items = await itemsByOrder(
    db,
    rows.map((r) => r.id),
  );
  return { orders: rows.map((row) => ({ row, items: items.get(row.id) ?? [] })), total: Number(count.total) };
}

// ---- placement (the statement itself: placement.repository.ts) ------------

/** Frees a key whose order is older than the 24 h the contract keeps keys for. */
export async function releaseExpiredKey(db: Db, userId: number, key: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ idempotency_key: null })
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .where('created_at', '<', sql<Date>`now() - interval '24 hours'`)
    .execute();
}

export async function findOrderByKey(db: Db, userId: number, key: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('user_id', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

// ---- lifecycle ---------------------------------------------------------------

/**
 * Moves an order to `to` under its row lock, after `check` has seen the
 * current row (authorization, If-Match, allowed transition). Cancelling an
 * order that holds stock gives the stock back in the same transaction.
 */
export async function transitionOrder(
  db: Db,
  id: number,
  to: OrderStatus,
  check: (current: OrderRow) => void,
  /** Runs in the transaction after the change, with the order as it now is (the webhook outbox). */
  announce: (trx: Trx, order: OrderWithItems) => Promise<void>,
): Promise<OrderRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('orders').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) return undefined;
    check(current);
    const returnsStock = to === 'cancelled' && current.stock_reserved;
    if (returnsStock) await returnStock(trx, id);
    const row = await trx
      .updateTable('orders')
      .set({
        status: to,
        version: sql`version + 1`,
        updated_at: sql`now()`,
        ...(returnsStock && { stock_reserved: false }),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await announce(trx, { row, items: (await itemsByOrder(trx, [id])).get(id) ?? [] });
    return row;
  });
}

async function returnStock(trx: Db, orderId: number): Promise<void> {
  const items = await trx
    .selectFrom('order_items')
    .select(['product_id', 'quantity'])
    .where('order_id', '=', orderId)
    .orderBy('product_id')
    .execute();
  for (const item of items) {
    await trx
      .updateTable('products')
      .set({ stock: sql`stock + ${item.quantity}`, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', item.product_id)
      .execute();
  }
}
