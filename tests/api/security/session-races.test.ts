// Logins racing what ends an account's sessions. A deactivation or a password
// change that answers while a login is in flight leaves no session of that
// login alive: the login either fails or its session is ended with the
// others. A later reactivation revives none of them. Each race is run many
// times, the second request starting at a different point of the first.
import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import type { Database } from '../../../server/src/db/database.js';
import { registerUser, type TestUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';
import type { TestClient } from '../../helpers/test-client.js';

const TRIALS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A slower hash than the tests' usual one widens the window a login is in flight.
const test = appTest({ BCRYPT_COST: '8' });

/** How long one login takes here: the racing requests start at points spread over it. */
let loginMs: number;
test.beforeAll(async ({ admin, api }) => {
  const started = performance.now();
  for (let i = 0; i < 3; i++) await logIn(api, admin);
  loginMs = (performance.now() - started) / 3;
});

const logIn = (api: TestClient, user: TestUser) =>
  api.POST('/auth/login', { body: { email: user.email, password: user.password } });

async function liveSessionsOf(db: Kysely<Database>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Every token of a login that answered 200 is refused: the access token and the refresh token. */
async function expectTokensRefused(api: TestClient, login: Awaited<ReturnType<typeof logIn>>) {
  if (!login.data) return;
  expect((await api.as(login.data.access_token).GET('/auth/me')).response.status).toBe(401);
  const refresh = await api.POST('/auth/refresh', { body: { refresh_token: login.data.refresh_token } });
  expect(refresh.response.status).toBe(401);
}

const userPath = (user_id: number) => ({ params: { path: { user_id } } });

describe('a login in flight', () => {
  test('does not outlive a deactivation, and reactivation revives none of its tokens', async ({ admin, api, db }) => {
    for (let i = 0; i < TRIALS; i++) {
      const user = await registerUser(api);
      const login = logIn(api, user);
      await sleep((i / TRIALS) * loginMs * 1.5);
      const asAdmin = api.as(admin.token);
      expect((await asAdmin.DELETE('/users/{user_id}', userPath(user.id))).response.status).toBe(204);
      const loggedIn = await login;
      // 200 only for a login that reached the account first: its tokens are ended below.
      expect([200, 401]).toContain(loggedIn.response.status);
      expect(await liveSessionsOf(db, user.id)).toEqual([]);
      expect((await asAdmin.POST('/users/{user_id}/reactivate', userPath(user.id))).response.status).toBe(200);
      await expectTokensRefused(api, loggedIn);
      expect((await api.as(user.token).GET('/auth/me')).response.status).toBe(401);
    }
  });

  test('does not outlive a password change, which ends every other session', async ({ api, db }) => {
    for (let i = 0; i < TRIALS; i++) {
      const user = await registerUser(api);
      const [changer] = await liveSessionsOf(db, user.id);
      const change = api.as(user.token).PUT('/auth/password', {
        body: { current_password: user.password, new_password: `${user.password}x` },
      });
      // The change hashes twice: a login started during the second hash read the old password.
      await sleep((i / TRIALS) * loginMs * 2.5);
      const loggedIn = await logIn(api, user);
      expect((await change).response.status).toBe(200);
      expect(await liveSessionsOf(db, user.id)).toEqual([changer]);
      await expectTokensRefused(api, loggedIn);
    }
  });
});

describe('reactivation', () => {
  test('ends sessions a deactivation made behind the API left alive, rather than reviving them', async ({
    admin,
    api,
    db,
  }) => {
    const user = await registerUser(api);
    await db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
    const asUser = api.as(user.token);
    expect((await asUser.GET('/auth/me')).response.status).toBe(401);
    expect((await api.as(admin.token).POST('/users/{user_id}/reactivate', userPath(user.id))).response.status).toBe(
      200,
    );
    expect((await asUser.GET('/auth/me')).response.status).toBe(401);
    expect((await api.POST('/auth/refresh', { body: { refresh_token: user.refreshToken } })).response.status).toBe(401);
    expect(await liveSessionsOf(db, user.id)).toEqual([]);
  });
});
