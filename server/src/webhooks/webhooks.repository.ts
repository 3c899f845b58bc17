// All SQL about webhooks: endpoints, the event outbox, deliveries. Functions
// take the database (or the transaction of the change being announced) first.
import { type Kysely, sql } from 'kysely';
import type { components } from '@storefront/contract/types';
import type { Database, WebhookDeliveryRow, WebhookDeliveryStatus, WebhookEndpointRow } from '../db/database.js';

type Db = Kysely<Database>;
type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookEventType = components['schemas']['WebhookEventType'];

/** The one mapping from an endpoint row to the API shape: never the secret. */
export function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.disabled_at === null,
    disabled_at: row.disabled_at?.toISOString() ?? null,
    disabled_reason: row.disabled_reason,
    consecutive_failures: row.consecutive_failures,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export type DeliveryWithType = WebhookDeliveryRow & { event_type: string };

export function toDelivery(row: DeliveryWithType): WebhookDelivery {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type as WebhookDelivery['event_type'],
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.last_status_code,
    last_duration_ms: row.last_duration_ms,
    last_error: row.last_error,
    next_attempt_at: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    delivered_at: row.delivered_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

// ---- endpoints ---------------------------------------------------------------

export interface NewEndpoint {
  url: string;
  events: string[];
  description: string | null;
  secret: string;
}

export async function insertEndpoint(db: Db, endpoint: NewEndpoint): Promise<WebhookEndpointRow> {
  return db.insertInto('webhook_endpoints').values(endpoint).returningAll().executeTakeFirstOrThrow();
}

export async function listEndpoints(db: Db, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findEndpoint(db: Db, id: number): Promise<WebhookEndpointRow | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface EndpointChange {
  url?: string;
  events?: string[];
  description?: string | null;
  enabled?: boolean;
}

/** Enabling again starts the failure count afresh; disabling by hand says so. */
export async function updateEndpoint(db: Db, id: number, change: EndpointChange) {
  const { enabled, ...fields } = change;
  return db
    .updateTable('webhook_endpoints')
    .set({
      ...fields,
      ...(enabled === true && { disabled_at: null, disabled_reason: null, consecutive_failures: 0 }),
      ...(enabled === false && {
        disabled_at: sql<Date>`coalesce(disabled_at, now())`,
        disabled_reason: sql<string>`coalesce(disabled_reason, 'disabled by an admin')`,
      }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteEndpoint(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The current secret keeps signing beside the new one for `overlapHours`. */
export async function rotateSecret(db: Db, id: number, secret: string, overlapHours: number) {
  return db
    .updateTable('webhook_endpoints')
    .set({
      previous_secret: sql<string>`secret`,
      previous_secret_expires_at: sql<Date>`now() + make_interval(hours => ${overlapHours})`,
      secret,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function disableEndpoint(db: Db, id: number, reason: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: sql<Date>`now()`, disabled_reason: reason.slice(0, 500), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .execute();
}

/** A delivery failed for good: one more in a row, and past `limit` the endpoint is disabled. */
export async function countFailure(db: Db, id: number, limit: number): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      disabled_at: sql<Date>`case when disabled_at is null and consecutive_failures + 1 >= ${limit} then now() else disabled_at end`,
      disabled_reason: sql<string>`case when disabled_at is null and consecutive_failures + 1 >= ${limit}
        then ${`${limit} deliveries in a row failed after every retry`} else disabled_reason end`,
      updated_at: sql<Date>`now()`,
    }))
    .where('id', '=', id)
    .execute();
}

export async function resetFailures(db: Db, id: number): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ consecutive_failures: 0 })
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

// ---- the outbox ----------------------------------------------------------------

export interface NewEvent {
  id: string;
  type: string;
  payload: string;
}

export interface NewDelivery {
  id: number;
  endpoint_id: number;
}

/** Writes the events and one pending delivery per enabled endpoint subscribed to each. */
export async function insertEventsAndDeliveries(trx: Db, events: NewEvent[]): Promise<NewDelivery[]> {
  if (events.length === 0) return [];
  await trx.insertInto('webhook_events').values(events).execute();
  const result = await sql<NewDelivery>`
    insert into webhook_deliveries (endpoint_id, event_id)
    select e.id, ev.id from unnest(${events.map((e) => e.id)}::text[], ${events.map((e) => e.type)}::text[]) as ev(id, type)
    join webhook_endpoints e on ev.type = any(e.events) and e.disabled_at is null
    order by ev.id, e.id
    returning id, endpoint_id`.execute(trx);
  return result.rows;
}

/** A ping: an event addressed to one endpoint whatever it subscribed to. */
export async function insertDirectDelivery(trx: Db, event: NewEvent, endpointId: number) {
  await trx.insertInto('webhook_events').values(event).execute();
  return trx
    .insertInto('webhook_deliveries')
    .values({ endpoint_id: endpointId, event_id: event.id })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- deliveries ----------------------------------------------------------------

function deliveriesWithType(db: Db) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .selectAll('d')
    .select('ev.type as event_type');
}

export async function listDeliveries(db: Db, endpointId: number, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    deliveriesWithType(db)
      .where('d.endpoint_id', '=', endpointId)
      .orderBy('d.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('webhook_deliveries')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .where('endpoint_id', '=', endpointId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryWithType | undefined> {
  return deliveriesWithType(db).where('d.id', '=', id).executeTakeFirst();
}

/** Everything one attempt needs: the delivery, its event's body and its endpoint's URL and secrets. */
export async function attemptOf(db: Db, deliveryId: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as ev', 'ev.id', 'd.event_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.status',
      'd.attempts',
      'd.endpoint_id',
      'ev.id as event_id',
      'ev.type as event_type',
      'ev.payload',
      'ev.created_at as event_created_at',
      'e.url',
      'e.secret',
      'e.previous_secret',
      'e.previous_secret_expires_at',
      'e.disabled_at',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
}

export interface AttemptRecord {
  status: WebhookDeliveryStatus;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

/** Records attempt `attempt`, unless another worker already did (then false). */
export async function recordAttempt(db: Db, deliveryId: number, attempt: number, r: AttemptRecord): Promise<boolean> {
  const result = await db
    .updateTable('webhook_deliveries')
    .set({
      status: r.status,
      attempts: attempt,
      last_status_code: r.statusCode,
      last_duration_ms: r.durationMs,
      last_error: r.error,
      next_attempt_at: r.nextAttemptAt,
      ...(r.status === 'delivered' && { delivered_at: sql<Date>`now()` }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', deliveryId)
    .where('attempts', '=', attempt - 1)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A delivered or failed delivery made pending again for one more attempt now; undefined when it was not. */
export async function reopenDelivery(db: Db, id: number) {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('status', '<>', 'pending')
    .returning(['id', 'endpoint_id', 'attempts'])
    .executeTakeFirst();
}

export interface DeliveryStats {
  byStatus: Record<WebhookDeliveryStatus, number>;
  /** Seconds since the oldest pending delivery's event was written; null when nothing waits. */
  oldestPendingAgeSeconds: number | null;
}

export async function deliveryStats(db: Db): Promise<DeliveryStats> {
  const [counts, oldest] = await Promise.all([
    db
      .selectFrom('webhook_deliveries')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('webhook_deliveries')
      .select(sql<number | null>`extract(epoch from now() - min(created_at))`.as('age'))
      .where('status', '=', 'pending')
      .executeTakeFirst(),
  ]);
  const byStatus = { pending: 0, delivered: 0, failed: 0 };
  for (const row of counts) byStatus[row.status] = Number(row.n);
  const age = oldest?.age;
  return { byStatus, oldestPendingAgeSeconds: age === null || age === undefined ? null : Number(age) };
}
