// A fresh database per test file: embedded PGlite in memory by default, or a
// uniquely named database on the Postgres that DATABASE_URL points at (created
// here, dropped on close). Under CI=true an unreachable Postgres fails the run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL of the test database (Postgres only), for child processes. */
  url: string | undefined;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await migrateToLatest(handle.db);
    return { handle, url: undefined, drop: () => handle.close() };
  }
  return createPostgresDatabase(adminUrl, 'sf_test');
}

export interface PostgresTestDatabase extends TestDatabase {
  name: string;
  url: string;
}

/** A uniquely named, migrated database next to `adminUrl`'s; `drop()` closes and removes it. */
export async function createPostgresDatabase(adminUrl: string, prefix: string, dbPoolSize = 10): Promise<PostgresTestDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), dataDir: 'unused', dbPoolSize });
  await migrateToLatest(handle.db);
  return {
    name,
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
