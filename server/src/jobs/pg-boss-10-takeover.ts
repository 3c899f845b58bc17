// Upgrading a database that pg-boss 10 wrote. pg-boss 12 migrates schemas
// from pg-boss 11 on (schema version 25); pg-boss 11 replaced the job table
// and, as its release notes say, leaves moving jobs from a version 10 schema
// to its users. So this moves them, in two steps around `boss.start()`:
//
// 1. Before pg-boss starts, a version 10 schema (`pgboss`, version 24) is
//    renamed to `pgboss_v10`, so pg-boss 12 installs a fresh `pgboss`.
// 2. Once the queues exist, every job of theirs is copied from `pgboss_v10`
//    with its id, state, attempts, timing and data, and the old schema is
//    dropped, in one transaction: the jobs exist once, in one schema or the
//    other, whatever crashes in between (step 2 runs again at the next start).
//
// A job active in pg-boss 10 stays active with its start time, so pg-boss 12
// expires and retries it as pg-boss 10 would have: its worker is gone (or, if
// it still runs, it settles the job in the new table, which has the same id).
// Jobs pg-boss 10 had archived (completed more than 12 hours before) go with
// the old schema: their orders record the outcome.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

/** The schema version pg-boss 10.1 to 10.4 wrote. */
const PG_BOSS_10_SCHEMA_VERSION = 24;
const OLD_SCHEMA = 'pgboss_v10';
/** Serialises both steps across processes starting at once. */
const LOCK = sql`pg_advisory_xact_lock(hashtext('storefront: pg-boss 10 takeover'))`;

async function exists(db: Kysely<Database>, table: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select to_regclass(${table}) is not null as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/** Step 1: moves a pg-boss 10 schema out of pg-boss 12's way. */
export async function setAsidePgBoss10(db: Kysely<Database>): Promise<boolean> {
  if (!(await exists(db, 'pgboss.version'))) return false;
  return db.transaction().execute(async (trx) => {
    await sql`select ${LOCK}`.execute(trx);
    if (!(await exists(trx, 'pgboss.version'))) return false; // another process did it meanwhile
    const { rows } = await sql<{ version: number }>`select version from pgboss.version`.execute(trx);
    const version = rows[0]?.version ?? 0;
    if (version > PG_BOSS_10_SCHEMA_VERSION) return false; // pg-boss 11 or later: it migrates itself
    if (version < PG_BOSS_10_SCHEMA_VERSION) {
      throw new Error(
        `The job queue's schema is pg-boss schema version ${version}; only version 24 (pg-boss 10.1+) can be upgraded`,
      );
    }
    // Waits for pg-boss 10 statements in flight, so none reads or writes the job table while it moves.
    await sql`lock table pgboss.job in access exclusive mode`.execute(trx);
    await sql`alter schema pgboss rename to ${sql.id(OLD_SCHEMA)}`.execute(trx);
    return true;
  });
}

/** Step 2: copies the jobs of pg-boss 10 into pg-boss 12's tables and drops the old schema; returns how many moved. */
export async function moveJobsOfPgBoss10(db: Kysely<Database>): Promise<number> {
  if (!(await exists(db, `${OLD_SCHEMA}.job`))) return 0;
  return db.transaction().execute(async (trx) => {
    await sql`select ${LOCK}`.execute(trx);
    if (!(await exists(trx, `${OLD_SCHEMA}.job`))) return 0;
    const orphans = await sql<{ name: string }>`
      select distinct name from pgboss_v10.job where name not in (select name from pgboss.queue)`.execute(trx);
    if (orphans.rows.length > 0) {
      throw new Error(`pg-boss 10 jobs of unknown queues: ${orphans.rows.map((r) => r.name).join(', ')}`);
    }
    // The placing request's trace context moves from the job's data to pg-boss 12's own column.
    const moved = await sql`
      insert into pgboss.job (id, name, priority, data, state, retry_limit, retry_count, retry_delay,
        retry_backoff, expire_seconds, start_after, started_on, singleton_key, singleton_on, created_on,
        completed_on, keep_until, output, dead_letter, policy, trace_context)
      select id, name, priority, data - 'trace', state::text::pgboss.job_state, retry_limit, retry_count,
        retry_delay, retry_backoff, extract(epoch from expire_in)::int, start_after, started_on, singleton_key,
        singleton_on, created_on, completed_on, keep_until, output, dead_letter, policy, data -> 'trace'
      from pgboss_v10.job`.execute(trx);
    await sql`drop schema ${sql.id(OLD_SCHEMA)} cascade`.execute(trx);
    return Number(moved.numAffectedRows ?? 0);
  });
}
