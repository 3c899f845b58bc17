// Placing an order in one statement, so in one round trip: data-modifying
// CTEs read the products once (key-share locked, so they cannot be
// hard-deleted under the order), insert the order and its items at those
// prices, its processing job, its `order.created` event with one delivery
// (and delivery job) per subscribed endpoint, and wake the workers. One
// statement is one transaction: all of it commits or none of it does.
//
// It writes nothing when the idempotency key is taken (the row is returned
// for replay, or marked expired), when a product is missing, or when a
// concurrent request with the same key wins the unique index (ON CONFLICT);
// the caller decides from what it returns.
import { type Kysely, sql } from 'kysely';
import type { Database, OrderItemRow, OrderRow } from '../db/database.js';
import { insertJobsSql, type JobTarget, notifyWorkersSql } from '../jobs/job-insert-sql.js';
import type { DeliveryJobs } from '../webhooks/outbox.js';
import { announceOrdersSql } from './order-events.sql.js';

export interface PlacementJobs {
  order: JobTarget;
  /** pg-boss options of the order's job (retries, expiry). */
  orderJob: Record<string, unknown>;
  delivery: DeliveryJobs;
  /** The placing request's trace context, stored on the job (pg-boss's `propagateContext`). */
  traceContext: Record<string, string> | null;
}

export interface Placement {
  userId: number;
  shippingAddress: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  requestId: string;
  eventId: string;
  items: Array<{ product_id: number; quantity: number }>;
}

export type PlacementResult =
  | { kind: 'placed'; row: OrderRow; items: OrderItemRow[] }
  /** The key belongs to an order placed within 24 h. */
  | { kind: 'earlier'; id: number; requestHash: string | null }
  /** The key belongs to an order older than 24 h: release it and place again. */
  | { kind: 'expired' }
  | { kind: 'missing'; productIds: number[] }
  /** A concurrent request with the same key committed first. */
  | { kind: 'lost-race' };

interface ResultRow extends Partial<OrderRow> {
  found: number[];
  earlier_id: number | null;
  earlier_hash: string | null;
  earlier_expired: boolean | null;
  new_items: Array<Omit<OrderItemRow, 'unit_price'> & { unit_price: string }> | null;
}

export async function placeInOneStatement(
  db: Kysely<Database>,
  p: Placement,
  jobs: PlacementJobs,
): Promise<PlacementResult> {
  const ids = p.items.map((i) => i.product_id);
  const quantities = p.items.map((i) => i.quantity);
  const result = await sql<ResultRow>`
    with
    input as (
      select * from unnest(${ids}::int[], ${quantities}::int[]) with ordinality as i(product_id, quantity, pos)
    ),
    earlier as (
      select id, request_hash, created_at < now() - interval '24 hours' as expired
      from orders where user_id = ${p.userId} and idempotency_key = ${p.idempotencyKey}::text
    ),
    live as (
      select id, name, price from products
      where id = any(${ids}::int[]) and deleted_at is null
      order by id for key share
    ),
    new_order as (
      -- Milliseconds, the precision the API and the event show, so both say the same instant.
      insert into orders (user_id, shipping_address, idempotency_key, request_hash, total_amount, created_at, updated_at)
      select ${p.userId}, ${p.shippingAddress}, ${p.idempotencyKey}::text, ${p.requestHash}::text,
        sum(l.price * i.quantity), date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
      from input i join live l on l.id = i.product_id
      having count(*) = ${ids.length} and not exists (select from earlier)
      on conflict (user_id, idempotency_key) where idempotency_key is not null do nothing
      returning *
    ),
    new_items as (
      insert into order_items (order_id, product_id, quantity, product_name, unit_price)
      select o.id, i.product_id, i.quantity, l.name, l.price
      from new_order o cross join input i join live l on l.id = i.product_id
      order by i.pos
      returning *
    ),
    order_job as (${insertJobsSql(
      jobs.order,
      sql`select json_agg(${JSON.stringify(jobs.orderJob)}::jsonb || jsonb_build_object(
        'data', jsonb_build_object('orderId', id, 'requestId', ${p.requestId}::text),
        '__traceContext', ${jobs.traceContext === null ? null : JSON.stringify(jobs.traceContext)}::jsonb)) from new_order`,
    )}),
    order_wake as (${notifyWorkersSql(jobs.order, 'order_job')}),
    announced as (select ${p.eventId}::text as event_id, 'order.created'::text as type, o.* from new_order o),
    ${announceOrdersSql(jobs.delivery, 'new_items')}
    select o.*,
      array(select id from live) as found,
      e.id as earlier_id, e.request_hash as earlier_hash, e.expired as earlier_expired,
      (select json_agg(json_build_object('id', it.id, 'order_id', it.order_id, 'product_id', it.product_id,
        'quantity', it.quantity, 'product_name', it.product_name, 'unit_price', it.unit_price::text) order by it.id)
        from new_items it) as new_items
    from (select) as one
    left join new_order o on true
    left join earlier e on true
    -- Referenced so that Postgres runs them (a plain SELECT in WITH runs only when read).
    where (select count(*) from order_wake) >= 0 and (select count(*) from delivery_wake) >= 0`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('The placement statement returned no row');
  return outcome(row, ids);
}

function outcome(row: ResultRow, ids: number[]): PlacementResult {
  const { found, earlier_id, earlier_hash, earlier_expired, new_items, ...order } = row;
  if (earlier_id !== null)
    return earlier_expired ? { kind: 'expired' } : { kind: 'earlier', id: earlier_id, requestHash: earlier_hash };
  const live = new Set(found);
  const missing = ids.filter((id) => !live.has(id));
  if (missing.length > 0) return { kind: 'missing', productIds: missing };
  if (order.id === null || order.id === undefined) return { kind: 'lost-race' };
  return { kind: 'placed', row: order as OrderRow, items: new_items ?? [] };
}
