// The login throttle on a real Postgres, where concurrent statements really
// run in parallel: 40 guesses at once, from one instance and from two
// instances sharing the database, reach bcrypt at most LOGIN_MAX_FAILURES
// times in all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { connectDatabase, type DatabaseHandle } from '../../server/src/db/connect.js';
import { loadConfig } from '../../server/src/config.js';
import { TEST_ENV } from '../helpers/app.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';
import { createPostgresDatabase, type PostgresTestDatabase } from '../helpers/database.js';
import { registerUser } from '../helpers/factories.js';
import { count, guessConcurrently } from '../helpers/login-guesses.js';
import { services } from '../helpers/services.js';

const configured = services('postgres');

describe.skipIf(!configured)('login throttle on Postgres', () => {
  let database: PostgresTestDatabase;
  let second: DatabaseHandle;
  const apps: FastifyInstance[] = [];
  let a: TestClient;
  let b: TestClient;
  beforeAll(async () => {
    database = await createPostgresDatabase(configured!.postgres, 'sf_throttle');
    second = await connectDatabase({ databaseUrl: database.url, dataDir: 'unused', dbPoolSize: 10 });
    const config = loadConfig({ ...TEST_ENV, LOGIN_MAX_FAILURES: '10', RATE_LIMIT_WINDOW: '60' });
    for (const handle of [database.handle, second]) {
      const app = await buildApp({ config, database: handle });
      await app.ready();
      apps.push(app);
    }
    a = createTestClient(apps[0]!);
    b = createTestClient(apps[1]!);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await second?.close();
    await database?.drop();
  });

  it('one instance: 40 concurrent guesses, at most 10 reach bcrypt', async () => {
    const user = await registerUser(a);
    const { statuses, bcryptCalls } = await guessConcurrently([a], user, 40);
    expect(bcryptCalls).toBeLessThanOrEqual(10);
    expect([count(statuses, 401), count(statuses, 429)]).toEqual([10, 30]);
  });

  it('two instances on one database: 40 concurrent guesses, at most 10 reach bcrypt in all', async () => {
    const user = await registerUser(a);
    const { statuses, bcryptCalls } = await guessConcurrently([a, b], user, 40);
    expect(bcryptCalls).toBeLessThanOrEqual(10);
    expect([count(statuses, 401), count(statuses, 429)]).toEqual([10, 30]);
  });
});
