// A throwaway database on the machine's local Postgres, used by the process
// and fault tests in both suites (they need several processes on one database,
// which the embedded PGlite cannot give), so they always run and never skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresDatabase } from '../../helpers/database.js';

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

/** Creates a uniquely named database with the migrations applied. */
export async function createLocalDatabase(prefix = 'sf_rel'): Promise<LocalDatabase> {
  const database = await createPostgresDatabase(LOCAL_POSTGRES, prefix, 3);
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

/** A Redis logical database of its own (1-15), so parallel runs do not share rate-limit counters. */
export function localRedisUrl(): string {
  return `${LOCAL_REDIS}/${1 + (randomBytes(1)[0]! % 15)}`;
}
