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
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAdmin, login, PASSWORD, registerUser, type TestUser } from '../helpers/factories.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';

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
  [a, b] = apps.map((app) => createTestClient(app)) as [TestClient, TestClient];
  admin = await createAdmin(a, database.handle.db);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await secondHandle?.close();
  await database.drop();
});

const me = (api: TestClient, token: string) => api.as(token).GET('/auth/me');
const userPath = (user_id: number) => ({ params: { path: { user_id } } });
const refresh = (api: TestClient, refresh_token: string) => api.POST('/auth/refresh', { body: { refresh_token } });

/** Both instances have answered for this token, so both hold it in their cache. */
async function warm(token: string): Promise<void> {
  for (const api of [a, b, a, b]) expect((await me(api, token)).response.status).toBe(200);
}

describe('principal cache across two instances', () => {
  it('serves repeated requests from the cache (a revocation that bypasses the trigger goes unseen until the TTL)', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    const db = database.handle.db;
    await sql`alter table sessions disable trigger sessions_notify_principal`.execute(db);
    try {
      await db.updateTable('sessions').set({ revoked_at: sql`now()` }).where('user_id', '=', user.id).execute();
      expect((await me(b, user.token)).response.status).toBe(200);
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
      expect((await here.as(token).POST('/auth/logout')).response.status).toBe(200);
      const next = await me(there, token);
      expect(next.response.status).toBe(401);
      expect(next.error?.code).toBe('TOKEN_REVOKED');
      expect((await me(here, token)).response.status).toBe(401);
    }
  });

  it('refuses a user deactivated on the other instance at once', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect((await a.as(admin.token).DELETE('/users/{user_id}', userPath(user.id))).response.status).toBe(204);
    expect((await me(b, user.token)).error?.code).toBe('TOKEN_REVOKED');
  });

  it('applies a role change made on one instance to the next request on the other', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    const setRole = (api: TestClient, role: 'admin' | 'user') =>
      api.as(admin.token).PUT('/users/{user_id}/role', { ...userPath(user.id), body: { role } });
    expect((await b.as(user.token).GET('/users')).response.status).toBe(403);
    expect((await setRole(b, 'admin')).response.status).toBe(200);
    expect((await a.as(user.token).GET('/users')).response.status).toBe(200);
    expect((await setRole(a, 'user')).response.status).toBe(200);
    expect((await b.as(user.token).GET('/users')).response.status).toBe(403);
  });

  it('signs other sessions out on both instances after a password change', async () => {
    const user = await registerUser(a);
    const { access_token: other } = await login(b, user.email, PASSWORD);
    await warm(user.token);
    await warm(other);
    const changed = await a.as(user.token).PUT('/auth/password', {
      body: { current_password: PASSWORD, new_password: 'N3w#Password' },
    });
    expect(changed.response.status).toBe(200);
    expect((await me(b, other)).response.status).toBe(401);
    expect((await me(a, other)).response.status).toBe(401);
    expect((await me(b, user.token)).response.status).toBe(200);
  });

  it('revokes the session on both instances when a used refresh token is replayed', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    expect((await refresh(a, user.refreshToken)).response.status).toBe(200);
    expect((await refresh(a, user.refreshToken)).error?.code).toBe('TOKEN_REVOKED');
    expect((await me(b, user.token)).response.status).toBe(401);
  });

  it('sees revocations written straight to the database by anyone', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    await database.handle.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
    expect((await me(a, user.token)).response.status).toBe(401);
    expect((await me(b, user.token)).response.status).toBe(401);
  });

  it('answers getCurrentUser with the profile as just changed on the other instance', async () => {
    const user = await registerUser(a);
    await warm(user.token);
    const renamed = await a.as(user.token).PATCH('/users/{user_id}', {
      ...userPath(user.id),
      body: { full_name: 'Grace Hopper' },
    });
    expect(renamed.response.status).toBe(200);
    expect((await me(b, user.token)).data?.full_name).toBe('Grace Hopper');
  });
});
