// Vitest fixtures for tests against the app in process (FastAPI's conftest,
// Kysely's TestContext): a test names what it needs and gets it.
//
//   test('returns 403 for a non-admin', async ({ api, user }) => { … });
//
// Each file takes its own set, `const test = appTest()` (or
// `appTest({ RUN_WORKER: 'false' })` for other settings; a file may hold
// several sets, each with its own app). Every fixture is file-scoped: the app
// is built on a fresh database once per file and closed after it; the admin
// and the user are registered once per file, when a test first asks for them.
//
// The app starts in a beforeAll the set registers in the calling file, not in
// the first test that asks for it: a fixture's setup counts against the
// test's timeout, and PGlite alone takes seconds to start on a busy machine
// (a first test timed out that way), while a hook has hookTimeout. So call
// `appTest` at the top level of a test file (Vitest refuses file-scoped
// fixtures defined inside a describe), never once in a shared module: with
// isolate off a module runs once per worker, and the hook would land in
// whichever file imported it first.
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
  const test = base
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
    });
  test.beforeAll(async ({ testApp }) => {
    await testApp.app.ready();
  });
  return test;
}
