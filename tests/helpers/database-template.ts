// Migrations run once per test run, into a template; each test file's
// database is a copy of it. An embedded PGlite's start-up (its initdb) and the
// migrations cost seconds per file; loading a dump or copying a Postgres
// template costs a fraction of that. global-setup.ts makes the template and
// hands its location to the test files through vitest's provide/inject.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/src/config.js';
import { connectDatabase, type DatabaseHandle } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createOrderQueue } from '../../server/src/orders/order-queue.js';
import { createWebhookQueue } from '../../server/src/webhooks/webhook-queue.js';

export type DatabaseTemplate =
  | { kind: 'pglite' /** a PGlite dumpDataDir tarball */; dumpFile: string }
  | {
      kind: 'postgres' /** a database on DATABASE_URL's server, copied with CREATE DATABASE … TEMPLATE */;
      name: string;
    };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

/** Runs `statement` on the server that `adminUrl` points at, on a connection of its own. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Where databases are created, copied and dropped: the server itself
 * (DATABASE_DIRECT_URL when DATABASE_URL is a transaction pooler, whose
 * pooled connections would keep a template busy), or undefined for PGlite.
 */
export function directAdminUrl(): string | undefined {
  return process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL;
}

/** `adminUrl` with another database name. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Migrations, plus the job queue's tables, so an app built on a copy installs nothing. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db);
  const quiet = () => {};
  const queue = createOrderQueue({
    database: handle,
    config: loadConfig({}),
    work: false,
    log: { info: quiet, warn: quiet, error: quiet },
  });
  await queue.start();
  await queue.stop();
  const webhooks = createWebhookQueue({
    database: handle,
    config: loadConfig({}),
    work: false,
    log: { info: quiet, warn: quiet, error: quiet },
  });
  await webhooks.start();
  await webhooks.stop();
}

/** Makes the template on DATABASE_URL's server, or as a PGlite dump; `drop()` removes it. */
export async function createDatabaseTemplate(): Promise<{ template: DatabaseTemplate; drop(): Promise<void> }> {
  const adminUrl = directAdminUrl();
  if (adminUrl) {
    const name = uniqueDatabaseName('sf_template');
    await adminQuery(adminUrl, `create database ${name}`);
    const handle = await connectDatabase({ databaseUrl: databaseUrl(adminUrl, name), dataDir: 'unused' });
    try {
      await prepareDatabase(handle);
    } finally {
      await handle.close(); // a template with open connections cannot be copied
    }
    return {
      template: { kind: 'postgres', name },
      drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const handle = await connectDatabase({ dataDir: 'memory://' });
  const dir = await mkdtemp(join(tmpdir(), 'storefront-template-'));
  const dumpFile = join(dir, 'pglite.tar');
  try {
    await prepareDatabase(handle);
    await writeFile(dumpFile, Buffer.from(await (await handle.pglite!.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await handle.close();
  }
  return { template: { kind: 'pglite', dumpFile }, drop: () => rm(dir, { recursive: true, force: true }) };
}
