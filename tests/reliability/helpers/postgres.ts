// A throwaway database on the machine's local Postgres, used by the process
// and fault tests in both suites (they need several processes on one database,
// which the embedded PGlite cannot give), so they always run and never skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase } from '../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../server/src/db/migrate.js';

export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
export const LOCAL_REDIS = 'redis://127.0.0.1:6379';

export interface LocalDatabase {
  name: string;
  url: string;
  /** The same database reached through another host:port (e.g. a proxy). */
  urlVia(port: number): string;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates a uniquely named database with the migrations applied. */
export async function createLocalDatabase(prefix = 'sf_rel'): Promise<LocalDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(LOCAL_POSTGRES);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 2 });
  await migrateToLatest(handle.db);
  await handle.close();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 3 });
  pool.on('error', () => {});
  return {
    name,
    url: url.toString(),
    urlVia(port) {
      const u = new URL(url.toString());
      u.port = String(port);
      return u.toString();
    },
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<T>(text, values)).rows;
    },
    async drop() {
      await pool.end();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A Redis logical database of its own (1-15), so parallel runs do not share rate-limit counters. */
export function localRedisUrl(): string {
  return `${LOCAL_REDIS}/${1 + (randomBytes(1)[0]! % 15)}`;
}
