// A throwaway database on the configured Postgres (TEST_POSTGRES_URL), used by
// the process and fault tests: they need several processes on one database,
// which the embedded PGlite cannot give.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPostgresDatabase } from '../../helpers/database.js';
import { serviceUrl } from '../../helpers/services.js';

export interface LocalDatabase {
  name: string;
  url: string;
  /** The same database reached through another host:port (e.g. a proxy). */
  urlVia(port: number): string;
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** Creates a uniquely named database with the migrations applied. */
export async function createLocalDatabase(prefix = 'sf_rel'): Promise<LocalDatabase> {
  const database = await createPostgresDatabase(serviceUrl('postgres'), prefix, 3);
  const pool = database.handle.pool!;
  return {
    name: database.name,
    url: database.url,
    urlVia(port) {
      const u = new URL(database.url);
      u.port = String(port);
      return u.toString();
    },
    async query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
      return (await pool.query<T>(text, values)).rows;
    },
    drop: () => database.drop(),
  };
}

/** A Redis logical database of its own (1-15) on TEST_REDIS_URL, so parallel runs do not share rate-limit counters. */
export function localRedisUrl(): string {
  const url = new URL(serviceUrl('redis'));
  url.pathname = `/${1 + (randomBytes(1)[0]! % 15)}`;
  return url.toString();
}
