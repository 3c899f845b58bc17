// The webhook outbox as CTEs, for the statements that change orders in one
// round trip (placement, processing): each announced order's event, one
// delivery per enabled subscribed endpoint, the delivery jobs and the wake-up
// of the delivery workers, in the statement that makes the change. The event
// body is the order as getOrder shows it (orders.repository.ts `toOrder`),
// built by the database from the rows the statement wrote.
import { type RawBuilder, sql } from 'kysely';
import { insertJobsSql, notifyWorkersSql } from '../jobs/job-insert-sql.js';
import type { DeliveryJobs } from '../webhooks/outbox.js';

/** ISO-8601 UTC with milliseconds, as JavaScript's toISOString writes it. */
export const isoSql = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The CTEs `event`, `deliveries`, `delivery_jobs` and `delivery_wake`, to
 * follow a CTE `announced` (columns `event_id`, `type` and the order row's)
 * and `items` (order_items rows of those orders). The final SELECT must
 * read `delivery_wake` for the wake-up to run.
 */
export function announceOrdersSql(jobs: DeliveryJobs, items: 'new_items' | 'order_items'): RawBuilder<unknown> {
  return sql`
    event as (
      insert into webhook_events (id, type, payload)
      select o.event_id, o.type, json_build_object(
        'type', o.type,
        'timestamp', ${isoSql('o.updated_at')},
        'data', json_build_object(
          'id', o.id, 'user_id', o.user_id, 'status', o.status, 'total_amount', o.total_amount,
          'shipping_address', o.shipping_address,
          'items', (select json_agg(json_build_object('id', it.id, 'product_id', it.product_id,
            'product_name', it.product_name, 'quantity', it.quantity, 'unit_price', it.unit_price) order by it.id)
            from ${sql.table(items)} it where it.order_id = o.id),
          'failure_reason', o.failure_reason, 'created_at', ${isoSql('o.created_at')},
          'updated_at', ${isoSql('o.updated_at')}
        ))::text
      from announced o
      order by o.id
      returning id, type
    ),
    deliveries as (
      insert into webhook_deliveries (endpoint_id, event_id)
      select e.id, ev.id from event ev join webhook_endpoints e on ev.type = any(e.events) and e.disabled_at is null
      order by ev.id, e.id
      returning id, endpoint_id
    ),
    delivery_jobs as (${insertJobsSql(
      jobs.target,
      sql`select json_agg(${JSON.stringify(jobs.options)}::jsonb || jsonb_build_object(
        'data', jsonb_build_object('deliveryId', id, 'attempt', 1), 'groupId', endpoint_id::text)) from deliveries`,
    )}),
    delivery_wake as (${notifyWorkersSql(jobs.target, 'delivery_jobs')})`;
}
