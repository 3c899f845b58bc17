// A database per test file: embedded PGlite in memory by default, or a
// uniquely named database on the Postgres that DATABASE_URL points at (created
// here, dropped on close). Both start as a copy of the run's migrated template
// (database-template.ts). Under CI=true an unreachable Postgres fails the run.
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../server/src/db/connect.js';
import {
  adminQuery,
  type DatabaseTemplate,
  databaseUrl,
  directAdminUrl,
  prepareDatabase,
  uniqueDatabaseName,
} from './database-template.js';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The URL of the test database (Postgres only), for child processes. */
  url: string | undefined;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/** The run's template, when the global setup made one (it does for the api and services layers). */
function template(): DatabaseTemplate | undefined {
  return inject('databaseTemplate');
}

/** `tracing`: a span per SQL statement inside a trace (the tracing tests). */
export async function createTestDatabase({ tracing = false } = {}): Promise<TestDatabase> {
  const adminUrl = directAdminUrl();
  const from = template();
  if (adminUrl)
    return createPostgresDatabase(
      adminUrl,
      'sf_test',
      10,
      from?.kind === 'postgres' ? from.name : undefined,
      tracing,
      process.env.DATABASE_DIRECT_URL ? process.env.DATABASE_URL : undefined,
    );
  if (from?.kind === 'pglite') {
    const dump = new Blob([await readFile(from.dumpFile)]);
    const handle = await connectDatabase({ dataDir: 'memory://', loadDataDir: dump, tracing });
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const handle = await connectDatabase({ dataDir: 'memory://', tracing });
  await prepareDatabase(handle);
  return { handle, url: undefined, drop: () => handle.close() };
}

export interface PostgresTestDatabase extends TestDatabase {
  name: string;
  url: string;
}

/**
 * A uniquely named database next to `adminUrl`'s, a copy of `template` when
 * given or freshly migrated otherwise; `drop()` closes and removes it. With
 * `pooledUrl` (a transaction pooler in front of the same server), the handle
 * queries through the pooler and listens on `adminUrl`'s server directly.
 */
export async function createPostgresDatabase(
  adminUrl: string,
  prefix: string,
  dbPoolSize = 10,
  template?: string,
  tracing = false,
  pooledUrl?: string,
): Promise<PostgresTestDatabase> {
  const name = uniqueDatabaseName(prefix);
  await adminQuery(adminUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = databaseUrl(adminUrl, name);
  const handle = await connectDatabase({
    databaseUrl: pooledUrl ? databaseUrl(pooledUrl, name) : url,
    databaseDirectUrl: url,
    dataDir: 'unused',
    dbPoolSize,
    tracing,
  });
  if (!template) await prepareDatabase(handle);
  return {
    name,
    handle,
    url,
    async drop() {
      await handle.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
