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
  const name = `sf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await connectDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 10 });
  await migrateToLatest(handle.db);
  return {
    handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
