// Opens the database: embedded PGlite by default, a real Postgres when a URL
// is given. Both speak the same SQL, so the same migrations and queries run.
import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { type Dialect, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { tracedDialect } from '../tracing/sql-spans.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';

/**
 * The connection settings, named as in Config so a parsed config can be passed
 * as it is (DATABASE_URL, DATA_DIR, DB_POOL_SIZE, DB_*_TIMEOUT_MS).
 * `dataDir` is the embedded database directory, or `memory://` for a throwaway one.
 */
export type DatabaseOptions = Pick<Config, 'dataDir'> &
  Partial<Pick<Config, 'databaseUrl' | 'dbPoolSize' | 'dbStatementTimeoutMs' | 'dbConnectTimeoutMs'>> & {
    onPoolError?: (err: Error) => void;
    /** A span per SQL statement inside a trace (tracing/sql-spans.ts). */
    tracing?: boolean;
    /** Start the embedded database from a dump (PGlite's `dumpDataDir`) instead of an empty one: the tests' migrated template. */
    loadDataDir?: Blob;
  };

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
      max: options.dbPoolSize ?? 10,
      connectionTimeoutMillis: options.dbConnectTimeoutMs ?? 3000,
      statement_timeout: options.dbStatementTimeoutMs ?? 5000,
      // statement_timeout is enforced by Postgres; when the network to it is
      // cut, only a client-side deadline ends the wait (then 503).
      query_timeout: (options.dbStatementTimeoutMs ?? 5000) + 1000,
      idleTimeoutMillis: 30000,
    });
    // Without a listener an idle client's error (e.g. Postgres restarting)
    // crashes the process; with it the pool drops the client and recovers.
    pool.on('error', (err) => options.onPoolError?.(err));
    // The pool listens for errors only on idle clients: a checked-out client
    // whose connection drops (Postgres stops, the network is cut) emits an
    // 'error' nobody hears, which crashes the process. Its query already
    // fails with the same error (→ 503); this listener only keeps us alive.
    pool.on('connect', (client) => client.on('error', (err) => options.onPoolError?.(err)));
    // A query that hit query_timeout is still in flight on its socket, so
    // every later query on that client would wait behind it and time out
    // too: drop such a client instead of returning it to the pool.
    pool.on('release', (_err, client) => {
      const stuck = client as unknown as {
        _getActiveQuery?: () => unknown;
        _queryable: boolean;
        connection?: { stream?: { destroy(): void } };
      };
      if (stuck._getActiveQuery?.()) {
        stuck._queryable = false;
        stuck.connection?.stream?.destroy();
      }
    });
    const db = new Kysely<Database>({ dialect: traced(new PostgresDialect({ pool }), options) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  // Loaded only for the embedded database: a server on Postgres starts without importing it.
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const memory = options.dataDir === 'memory://';
  let unlock = async () => {};
  if (!memory) {
    await mkdir(options.dataDir, { recursive: true });
    unlock = await lockDataDir(options.dataDir);
  }
  try {
    const pglite = await PGlite.create(memory ? undefined : options.dataDir, {
      extensions: { pg_trgm },
      ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
    });
    const db = new Kysely<Database>({ dialect: traced(new PGliteDialect({ pglite }), options) });
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        await db.destroy();
        await unlock();
      },
    };
  } catch (err) {
    await unlock();
    throw err;
  }
}

/** For entry points: a data directory another process holds ends the process with its message (exit 1), not a stack trace. */
export async function connectDatabaseOrExit(options: DatabaseOptions): Promise<DatabaseHandle> {
  try {
    return await connectDatabase(options);
  } catch (err) {
    if (!(err instanceof DataDirInUseError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

const traced = (dialect: Dialect, options: DatabaseOptions) => (options.tracing ? tracedDialect(dialect) : dialect);

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
