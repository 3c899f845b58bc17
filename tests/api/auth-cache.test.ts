// The principal cache (server/src/auth/principal-cache.ts) across two server
// instances sharing one database: whatever one instance (or anyone writing
// the database) revokes, the other refuses on the very next request.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { connectDatabase, type DatabaseHandle } from '../../server/src/db/connect.js';
import { TEST_ENV } from '../helpers/app.js';
import { createClient, type TestClient } from '../helpers/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAdmin, login, PASSWORD, registerUser, type TestUser } from '../helpers/factories.js';

let database: TestDatabase;
let secondHandle: DatabaseHandle | undefined;
let apps: FastifyInstance[] = [];
let a: TestClient;
let b: TestClient;
let admin: TestUser;

beforeAll(async () => {
  const config = loadConfig({ ...TEST_ENV, AUTH_CACHE_TTL: '60', MAX_EVENT_LOOP_DELAY_MS: '0' }); // no load shedding on a busy test machine
  database = await createTestDatabase();
  // On Postgres each instance has its own pool and LISTEN connection; the
  // embedded database belongs to one process, so there both share it.
  secondHandle = database.url ? await connectDatabase({ databaseUrl: database.url, dataDir: 'unused' }) : undefined;
  apps = [
    await buildApp({ config, database: database.handle }),
    await buildApp({ config, database: secondHandle ?? database.handle }),
  ];
  await Promise.all(apps.map((app) => app.ready()));
  [a, b] = apps.map(createClient) as [TestClient, TestClient];
  admin = await createAdmin(a, database.handle.db);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await secondHandle?.close();
  await database.drop();
});

const me = (api: TestClient, token: string) => api.get('/api/v1/auth/me', { token });

/** Both instances have answered for this token, so both hold it in their cache. */
async function warm(token: string): Promise<void> {
  for (const api of [a, b, a, b]) expect((await me(api, token)).status).toBe(200);
}

describe('principal cache across two instances', () => {
  it('serves repeated requests from the cache (a revocation that bypasses the trigger goes unseen until the TTL)', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    const db = database.handle.db;
    await sql`alter table sessions disable trigger sessions_notify_principal`.execute(db);
    try {
      await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', user.id).execute();
      expect((await me(b, user.token)).status).toBe(200);
    } finally {
      await sql`alter table sessions enable trigger sessions_notify_principal`.execute(db);
    }
  });

  it('refuses a session logged out on the other instance on the very next request, every time', async () => {
    const user = await registerUser(a);
    for (let i = 0; i < 10; i++) {
      const { access_token: token } = await login(a, user.email, PASSWORD);
      await warm(token);
      const [here, there] = i % 2 === 0 ? [a, b] : [b, a];
      expect((await here.post('/api/v1/auth/logout', { token })).status).toBe(200);
      const next = await me(there, token);
      expect(next.status).toBe(401);
      expect(next.body.code).toBe('TOKEN_REVOKED');
      expect((await me(here, token)).status).toBe(401);
    }
  });

  it('refuses a user deactivated on the other instance at once', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect((await a.delete(`/api/v1/users/${user.id}`, { token: admin.token })).status).toBe(204);
    expect((await me(b, user.token)).body.code).toBe('TOKEN_REVOKED');
  });

  it('applies a role change made on one instance to the next request on the other', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect((await b.get('/api/v1/users', { token: user.token })).status).toBe(403);
    expect((await b.put(`/api/v1/users/${user.id}/role`, { token: admin.token, body: { role: 'admin' } })).status).toBe(
      200,
    );
    expect((await a.get('/api/v1/users', { token: user.token })).status).toBe(200);
    expect((await a.put(`/api/v1/users/${user.id}/role`, { token: admin.token, body: { role: 'user' } })).status).toBe(
      200,
    );
    expect((await b.get('/api/v1/users', { token: user.token })).status).toBe(403);
  });

  it('signs other sessions out on both instances after a password change', async () => {
    const user = await registerUser(a);
    const { access_token: other } = await login(b, user.email, PASSWORD);
    await warm(user.token);
    await warm(other);
    const changed = await a.put('/api/v1/auth/password', {
      token: user.token,
      body: { current_password: PASSWORD, new_password: 'N3w#Password' },
    });
    expect(changed.status).toBe(200);
    expect((await me(b, other)).status).toBe(401);
    expect((await me(a, other)).status).toBe(401);
    expect((await me(b, user.token)).status).toBe(200);
  });

  it('revokes the session on both instances when a used refresh token is replayed', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect((await a.post('/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } })).status).toBe(200);
    expect((await a.post('/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } })).body.code).toBe(
      'TOKEN_REVOKED',
    );
    expect((await me(b, user.token)).status).toBe(401);
  });

  it('sees revocations written straight to the database by anyone', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    await database.handle.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
    expect((await me(a, user.token)).status).toBe(401);
    expect((await me(b, user.token)).status).toBe(401);
  });

  it('answers getCurrentUser with the profile as just changed on the other instance', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect(
      (await a.patch(`/api/v1/users/${user.id}`, { token: user.token, body: { full_name: 'Grace Hopper' } })).status,
    ).toBe(200);
    expect((await me(b, user.token)).body.full_name).toBe('Grace Hopper');
  });
});
