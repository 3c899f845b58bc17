// Vitest fixtures for tests against the app in process (FastAPI's conftest,
// Kysely's TestContext): a test names what it needs and gets it.
//
//   test('returns 403 for a non-admin', async ({ api, user }) => { … });
//
// Every fixture is file-scoped and lazy: the app (PGlite takes seconds to
// start) is built on a fresh database the first time a test of the file asks
// for it, shared by the file's tests, and closed after the file. The admin and
// the user are registered once per file too. Files that need other settings
// take their own set: `const test = appTest({ RUN_WORKER: 'false' })`; one
// file may hold several sets, each with its own app.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { test as base } from 'vitest';
import type { Config } from '../../server/src/config.js';
import type { Database } from '../../server/src/db/database.js';
import type { DatabaseHandle } from '../../server/src/db/connect.js';
import { buildTestApp, type TestApp } from './app.js';
import { createAdmin, registerUser } from './factories.js';

/** A set of fixtures on an app built with `env` over the test defaults (TEST_ENV). */
export function appTest(env: Record<string, string> = {}) {
  return (
    base
      // biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern
      .extend('testApp', { scope: 'file' }, async ({}, { onCleanup }): Promise<TestApp> => {
        const testApp = await buildTestApp(env);
        onCleanup(() => testApp.close());
        return testApp;
      })
      .extend('app', { scope: 'file' }, ({ testApp }): FastifyInstance => testApp.app)
      .extend('api', { scope: 'file' }, ({ testApp }) => testApp.api)
      .extend('config', { scope: 'file' }, ({ testApp }): Config => testApp.config)
      .extend('handle', { scope: 'file' }, ({ testApp }): DatabaseHandle => testApp.database.handle)
      .extend('db', { scope: 'file' }, ({ testApp }): Kysely<Database> => testApp.database.handle.db)
      .extend('admin', { scope: 'file' }, ({ api, db }) => createAdmin(api, db))
      .extend('user', { scope: 'file' }, ({ api }) => registerUser(api))
      /** The app listening on a free loopback port, as `http://127.0.0.1:PORT`, for clients outside the process. */
      .extend('origin', { scope: 'file' }, async ({ app }) => {
        await app.listen({ port: 0, host: '127.0.0.1' });
        return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      })
  );
}

/** The fixtures on an app with the test defaults. */
export const test = appTest();
