// Logins racing what ends an account's sessions. A deactivation or a password
// change that answers while a login is in flight leaves no session of that
// login alive: the login either fails or its session is ended with the
// others. A later reactivation revives none of them. Each race is run many
// times, the second request starting at a different point of the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';

const TRIALS = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestApp;
let admin: TestUser;
/** How long one login takes here: the racing requests start at points spread over it. */
let loginMs: number;
beforeAll(async () => {
  // A slower hash than the tests' usual one widens the window a login is in flight.
  t = await buildTestApp({ BCRYPT_COST: '8' });
  admin = await createAdmin(t.api, t.database.handle.db);
  const started = performance.now();
  for (let i = 0; i < 3; i++) await logIn(admin);
  loginMs = (performance.now() - started) / 3;
});
afterAll(() => t.close());

const logIn = (user: TestUser) =>
  t.api.post('/api/v1/auth/login', { body: { email: user.email, password: user.password } });

async function liveSessionsOf(userId: number): Promise<number[]> {
  const rows = await t.database.handle.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Every token of a login that answered 200 is refused: the access token and the refresh token. */
async function expectTokensRefused(login: { status: number; body: { access_token: string; refresh_token: string } }) {
  if (login.status !== 200) return;
  expect((await t.api.get('/api/v1/auth/me', { token: login.body.access_token })).status).toBe(401);
  const refresh = await t.api.post('/api/v1/auth/refresh', { body: { refresh_token: login.body.refresh_token } });
  expect(refresh.status).toBe(401);
}

describe('a login in flight', () => {
  it('does not outlive a deactivation, and reactivation revives none of its tokens', async () => {
    for (let i = 0; i < TRIALS; i++) {
      const user = await registerUser(t.api);
      const login = logIn(user);
      await sleep((i / TRIALS) * loginMs * 1.5);
      expect((await t.api.delete(`/api/v1/users/${user.id}`, { token: admin.token })).status).toBe(204);
      const loggedIn = await login;
      // 200 only for a login that reached the account first: its tokens are ended below.
      expect([200, 401]).toContain(loggedIn.status);
      expect(await liveSessionsOf(user.id)).toEqual([]);
      expect((await t.api.post(`/api/v1/users/${user.id}/reactivate`, { token: admin.token })).status).toBe(200);
      await expectTokensRefused(loggedIn);
      expect((await t.api.get('/api/v1/auth/me', { token: user.token })).status).toBe(401);
    }
  });

  it('does not outlive a password change, which ends every other session', async () => {
    for (let i = 0; i < TRIALS; i++) {
      const user = await registerUser(t.api);
      const [changer] = await liveSessionsOf(user.id);
      const change = t.api.put('/api/v1/auth/password', {
        token: user.token,
        body: { current_password: user.password, new_password: `${user.password}x` },
      });
      // The change hashes twice: a login started during the second hash read the old password.
      await sleep((i / TRIALS) * loginMs * 2.5);
      const loggedIn = await logIn(user);
      expect((await change).status).toBe(200);
      expect(await liveSessionsOf(user.id)).toEqual([changer]);
      await expectTokensRefused(loggedIn);
    }
  });
});

describe('reactivation', () => {
  it('ends sessions a deactivation made behind the API left alive, rather than reviving them', async () => {
    const user = await registerUser(t.api);
    await t.database.handle.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
    expect((await t.api.get('/api/v1/auth/me', { token: user.token })).status).toBe(401);
    expect((await t.api.post(`/api/v1/users/${user.id}/reactivate`, { token: admin.token })).status).toBe(200);
    expect((await t.api.get('/api/v1/auth/me', { token: user.token })).status).toBe(401);
    expect((await t.api.post('/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } })).status).toBe(401);
    expect(await liveSessionsOf(user.id)).toEqual([]);
  });
});
