// pg-boss jobs written from inside a statement of ours, as a data-modifying
// CTE, so an order, its job and its webhook deliveries' jobs are one
// statement (one round trip) instead of one per `send`. pg-boss offers no
// public way to do that: `send` runs a statement of its own, and its JSON
// argument must be known before ours runs (the job names the new order's id).
// So this takes pg-boss's own INSERT (`plans.insertJobs`, the SQL `send` and
// `insert` run: queue defaults, retention, policy, the job table) and feeds
// it a subquery of ours where pg-boss binds its JSON parameter. Nothing of
// its internals is re-written here; a pg-boss release that changes them is
// caught by tests/api/order-round-trips.test.ts (the job is picked up and
// completes the order). This is the one module that does it.
import { type RawBuilder, sql } from 'kysely';
import type { Kysely } from 'kysely';
import { DEFAULT_SCHEMA, insertJobs, notifyChannelSql } from 'pg-boss/dist/plans.js';

/** Where a queue's jobs go, with pg-boss's INSERT for it split around its jobs parameter (once per queue, not per statement). */
export interface JobTarget {
  name: string;
  /** The queue's job table (pg-boss's `queue.table_name`). */
  table: string;
  insertBefore: string;
  insertAfter: string;
}

/** Reads a queue's job table once it exists (after `createQueue`). */
export async function jobTarget<DB>(db: Kysely<DB>, name: string): Promise<JobTarget> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from ${sql.table(`${DEFAULT_SCHEMA}.queue`)} where name = ${name}`.execute(db);
  const table = rows[0]?.table_name;
  if (!table) throw new Error(`The job queue ${name} does not exist`);
  const text = insertJobs(DEFAULT_SCHEMA, { table, name, returnId: true });
  const [before, after, ...rest] = text.split('$1');
  if (before === undefined || after === undefined || rest.length > 0)
    throw new Error('pg-boss insertJobs no longer binds its jobs as $1');
  return { name, table, insertBefore: before, insertAfter: after.replace(/\s*RETURNING id\s*$/, '') };
}

/**
 * pg-boss's INSERT of the jobs `jobsJson` describes (a json array in `send`'s
 * shape: data, retryLimit, groupId, expireInSeconds, __traceContext, …; NULL
 * inserts none), returning `id, start_after`. Use it as a CTE.
 */
export function insertJobsSql(target: JobTarget, jobsJson: RawBuilder<unknown>): RawBuilder<unknown> {
  // pg-boss casts `$1::text::json`: our json passes through the text cast.
  return sql`${sql.raw(target.insertBefore)}(${jobsJson})${sql.raw(target.insertAfter)} returning id, start_after`;
}

/** Wakes the queue's workers at once, as pg-boss's `notify` queues do, when `inserted` (a CTE name) has a job due now. */
export function notifyWorkersSql(target: JobTarget, inserted: string): RawBuilder<unknown> {
  return sql`select pg_notify(${sql.raw(notifyChannelSql(DEFAULT_SCHEMA))}, ${target.name})
    from ${sql.ref(inserted)} where start_after <= ${sql.raw(`${DEFAULT_SCHEMA}.job_now()`)} limit 1`;
}
