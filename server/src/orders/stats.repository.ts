// How the orders and their queue stand: counts by order status, the order
// queue's jobs by pg-boss state, and how long the oldest order has been
// waiting. One source for `storefront orders stats` and GET /metrics.
import { type Kysely, sql } from 'kysely';
import type { Database, OrderStatus } from '../db/database.js';

/** pg-boss's job states (the same in pg-boss 10 and 12). */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending',
  'processing',
  'completed',
  'failed',
  'shipped',
  'delivered',
  'cancelled',
];

export interface OrderStats {
  orders: Record<OrderStatus, number>;
  /** The queue's jobs by state: created = queued, retry = waiting to retry, active = running. */
  jobs: Record<JobState, number>;
  /** Seconds since the oldest order still waiting to be processed (pending or processing) was placed; null when none waits. */
  oldestPendingAgeSeconds: number | null;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function orderStats(db: Kysely<Database>, queue: string): Promise<OrderStats> {
  const [statuses, oldest, jobs] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('orders')
      .select(sql<number | null>`extract(epoch from now() - min(created_at))::float8`.as('age'))
      .where('status', 'in', ['pending', 'processing'])
      .executeTakeFirst(),
    jobCounts(db, queue),
  ]);
  const orders = zeros(ORDER_STATUSES);
  for (const r of statuses) orders[r.status] = Number(r.count);
  return { orders, jobs, oldestPendingAgeSeconds: oldest?.age ?? null };
}

/** pg-boss installs its schema when a queue first starts; before that there are no jobs. */
async function jobCounts(db: Kysely<Database>, queue: string): Promise<Record<JobState, number>> {
  const counts = zeros(JOB_STATES);
  const installed = await sql<{ ok: boolean }>`select to_regclass('pgboss.job') is not null as ok`.execute(db);
  if (!installed.rows[0]?.ok) return counts;
  const rows = await sql<{ state: JobState; count: number }>`
    select state::text as state, count(*)::int as count from pgboss.job where name = ${queue} group by state`.execute(
    db,
  );
  for (const r of rows.rows) counts[r.state] = r.count;
  return counts;
}
