// Login, the token store, and the refresh on TOKEN_EXPIRED, against the live server.
import { describe, expect } from 'vitest';
import { AuthenticationError, memoryTokenStore } from '../../../sdk/src/index.js';
import { registerUser } from '../../helpers/factories.js';
import { expiredAccessToken, recordingFetch, liveServerTest, type LiveServer } from '../../helpers/live-server.js';

const test = liveServerTest();

/** A logged-in SDK whose access token has expired (the refresh token is real). */
async function withExpiredToken(server: LiveServer, options: Parameters<LiveServer['sdk']>[0] = {}) {
  const user = await registerUser(server.api);
  const sdk = server.sdk(options);
  await sdk.auth.login({ email: user.email, password: user.password });
  const stored = await sdk.tokenStore.get();
  if (!stored) throw new Error('login stored no tokens');
  await sdk.tokenStore.set({ access_token: expiredAccessToken(user.id), refresh_token: stored.refresh_token });
  return { user, sdk, refreshToken: stored.refresh_token };
}

describe('sdk.auth', () => {
  test('stores the token pair on login and sends the access token on later calls', async ({ server }) => {
    const user = await registerUser(server.api);
    const store = memoryTokenStore();
    const sdk = server.sdk({ tokenStore: store });
    const tokens = await sdk.auth.login({ username: user.username, password: user.password });
    expect(tokens.token_type).toBe('bearer');
    expect(await store.get()).toEqual({ access_token: tokens.access_token, refresh_token: tokens.refresh_token });
    const me = await sdk.auth.me();
    expect(me).toMatchObject({ id: user.id, username: user.username });
  });

  test('registers, then logs in by email', async ({ server }) => {
    const sdk = server.sdk();
    const username = `sdk_${Date.now().toString(36)}`;
    const created = await sdk.auth.register({ username, email: `${username}@example.com`, password: 'Sup3r#Secret' });
    expect(created).toMatchObject({ username, role: 'user' });
    await sdk.auth.login({ email: `${username}@example.com`, password: 'Sup3r#Secret' });
    expect((await sdk.auth.me()).id).toBe(created.id);
  });

  test('logout ends the session and clears the store', async ({ server }) => {
    const user = await registerUser(server.api);
    const sdk = server.sdk();
    await sdk.auth.login({ email: user.email, password: user.password });
    const before = await sdk.tokenStore.get();
    await sdk.auth.logout();
    expect(await sdk.tokenStore.get()).toBeUndefined();
    const { response } = await server.api.as(before?.access_token).GET('/auth/me');
    expect(response.status).toBe(401);
    await expect(sdk.auth.me()).rejects.toBeInstanceOf(AuthenticationError);
  });

  test('refreshes an expired access token once and retries the call transparently', async ({ server }) => {
    const rec = recordingFetch();
    const { user, sdk, refreshToken } = await withExpiredToken(server, { fetch: rec.fetch });
    const me = await sdk.auth.me();
    expect(me.id).toBe(user.id);
    expect(rec.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'POST /auth/login 200',
      'GET /auth/me 401',
      'POST /auth/refresh 200',
      'GET /auth/me 200',
    ]);
    expect((await sdk.tokenStore.get())?.refresh_token).not.toBe(refreshToken); // rotated
  });

  test('shares ONE refresh between 8 concurrent calls that all hit TOKEN_EXPIRED', async ({ server }) => {
    const rec = recordingFetch();
    const { user, sdk } = await withExpiredToken(server, { fetch: rec.fetch });
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => sdk.auth.me()),
      ...Array.from({ length: 4 }, () => sdk.users.get(user.id)),
    ]);
    expect(results.map((r) => r.id)).toEqual(Array(8).fill(user.id));
    expect(rec.count('POST', '/auth/refresh')).toBe(1);
    expect(rec.calls.filter((c) => c.status === 401)).toHaveLength(8);
    // A second refresh with the used token would have revoked the session; it is still alive.
    expect((await sdk.auth.me()).id).toBe(user.id);
  });

  test('replays a request with a body after the refresh (changePassword)', async ({ server }) => {
    const { user, sdk } = await withExpiredToken(server);
    const result = await sdk.auth.changePassword({ current_password: user.password, new_password: 'N3w#Password' });
    expect(result.message).toBeTruthy();
    await server.sdk().auth.login({ email: user.email, password: 'N3w#Password' });
  });

  test('clears the store and throws AuthenticationError when the refresh is refused', async ({ server }) => {
    const { user, sdk } = await withExpiredToken(server);
    await sdk.tokenStore.set({ access_token: expiredAccessToken(user.id), refresh_token: 'not-a-real-refresh-token' });
    const error = await sdk.auth.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as AuthenticationError).requestId).toMatch(/.+/);
    expect(await sdk.tokenStore.get()).toBeUndefined();
  });

  test('sdk.auth.refresh() rotates the pair explicitly; concurrent calls share it', async ({ server }) => {
    const user = await registerUser(server.api);
    const rec = recordingFetch();
    const sdk = server.sdk({ fetch: rec.fetch });
    await sdk.auth.login({ email: user.email, password: user.password });
    const before = await sdk.tokenStore.get();
    const [a, b] = await Promise.all([sdk.auth.refresh(), sdk.auth.refresh()]);
    expect(a).toBe(b);
    expect(a.refresh_token).not.toBe(before?.refresh_token);
    expect(rec.count('POST', '/auth/refresh')).toBe(1);
  });

  test('does not try to refresh other 401s (wrong password)', async ({ server }) => {
    const user = await registerUser(server.api);
    const rec = recordingFetch();
    const sdk = server.sdk({ fetch: rec.fetch });
    const error = await sdk.auth.login({ email: user.email, password: 'Wrong#Pass1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('INVALID_CREDENTIALS');
    expect(rec.count('POST', '/auth/refresh')).toBe(0);
  });
});
