// Opens the database: embedded PGlite by default, a real Postgres when a URL
// is given. Both speak the same SQL, so the same migrations and queries run.
import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { type Dialect, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import { tracedDialect } from '../tracing/sql-spans.js';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';
import { TransactionTimeoutDialect } from './transaction-timeouts.js';
import type { Database } from './database.js';

/**
 * The connection settings, named as in Config so a parsed config can be passed
 * as it is (DATABASE_URL, DATA_DIR, DB_POOL_SIZE, DB_*_TIMEOUT_MS).
 * `dataDir` is the embedded database directory, or `memory://` for a throwaway one.
 */
export type DatabaseOptions = Pick<Config, 'dataDir'> &
  Partial<
    Pick<Config, 'databaseUrl' | 'databaseDirectUrl' | 'dbPoolSize' | 'dbStatementTimeoutMs' | 'dbConnectTimeoutMs'>
  > & {
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
  /**
   * How to open a connection of one's own to the same Postgres, outside any
   * transaction pooler (DATABASE_DIRECT_URL): for LISTEN, which lives in a
   * session, and for migrations.
   */
  session?: pg.ClientConfig;
  /** True when DATABASE_URL is a transaction pooler (DATABASE_DIRECT_URL names another address). */
  pooled?: boolean;
  pglite?: PGlite;
  close(): Promise<void>;
}

// COUNT(*) and SUM() of integers are int8, which pg returns as strings to be
// safe; our counts and ids fit in a JS number, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function connectDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const statementTimeoutMs = options.dbStatementTimeoutMs ?? 5000;
    const directUrl = options.databaseDirectUrl ?? options.databaseUrl;
    const pooled = directUrl !== options.databaseUrl;
    const timeouts = {
      connectionTimeoutMillis: options.dbConnectTimeoutMs ?? 3000,
      // statement_timeout is enforced by Postgres; when the network to it is
      // cut, only a client-side deadline ends the wait (then 503).
      query_timeout: statementTimeoutMs + 1000,
    };
    // A session of our own may carry the timeout as a startup parameter; a
    // transaction pooler refuses those, so there it rides on each transaction
    // (db/transaction-timeouts.ts) and single statements have the client deadline.
    const session: pg.ClientConfig = {
      connectionString: directUrl,
      ...timeouts,
      statement_timeout: statementTimeoutMs,
    };
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.dbPoolSize ?? 10,
      ...timeouts,
      ...(!pooled && { statement_timeout: statementTimeoutMs }),
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
    const dialect = pooled
      ? new TransactionTimeoutDialect({ pool }, statementTimeoutMs)
      : new PostgresDialect({ pool });
    const db = new Kysely<Database>({ dialect: traced(dialect, options) });
    return { db, kind: 'postgres', pool, session, pooled, close: () => db.destroy() };
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

/**
 * Runs `fn` on a session connection of its own when DATABASE_URL is a
 * transaction pooler (migrations hold their transaction and lock on it, and
 * an operator reading `pg_stat_activity` sees them by name), else on the
 * handle's own connections.
 */
export async function withSessionDatabase<T>(
  handle: DatabaseHandle,
  fn: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!handle.pooled || !handle.session) return fn(handle.db);
  const pool = new pg.Pool({ ...handle.session, max: 1, application_name: 'storefront-migrate' });
  pool.on('error', () => {}); // an idle client's error; the next query reports it
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

const traced = (dialect: Dialect, options: DatabaseOptions) => (options.tracing ? tracedDialect(dialect) : dialect);

export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
