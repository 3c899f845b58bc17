// Builds the real app on a fresh test database. One per test file (PGlite
// takes seconds to start); close it in afterAll.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { type Config, loadConfig } from '../../server/src/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { createTestClient, type TestClient } from './test-client.js';

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256!!',
  BCRYPT_COST: '4',
  RATE_LIMIT_ANON: '100000',
  RATE_LIMIT_USER: '100000',
  RATE_LIMIT_AUTH: '100000',
  LOGIN_MAX_FAILURES: '1000',
  LOG_LEVEL: 'silent',
};

export interface TestApp {
  app: FastifyInstance;
  /** The test client (test-client.ts): typed `GET`/`POST`/…, and `send` for what the contract forbids. */
  api: TestClient;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...TEST_ENV, ...env });
  const database = await createTestDatabase();
  const app = await buildApp({ config, database: database.handle });
  await app.ready();
  return {
    app,
    api: createTestClient(app),
    config,
    database,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
