// Opens the database: embedded PGlite by default, a real Postgres when a URL
// is given. Both speak the same SQL, so the same migrations and queries run.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.js';

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Embedded database directory, or `memory://` for a throwaway one. */
  dataDir: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  onPoolError?: (err: Error) => void;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** The raw driver, for the job queue and pool metrics. */
  pool?: pg.Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

// COUNT(*) and SUM() of integers are int8, which pg returns as strings to be
// safe; our counts and ids fit in a JS number, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function connectDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      statement_timeout: options.statementTimeoutMs ?? 5000,
      idleTimeoutMillis: 30000,
    });
    // Without a listener an idle client's error (e.g. Postgres restarting)
    // crashes the process; with it the pool drops the client and recovers.
    pool.on('error', (err) => options.onPoolError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const memory = options.dataDir === 'memory://';
  if (!memory) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(memory ? undefined : options.dataDir, { extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
