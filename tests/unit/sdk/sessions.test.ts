// Several SDK instances sharing one token store (tabs over localStorage, or
// instances in one process) whose access token expired together: exactly one
// refresh, and nobody is logged out. The stub server rotates refresh tokens
// and revokes the session when a used one comes back, as the real one does.
import { describe, expect, it } from 'vitest';
import { createStorefront, memoryTokenStore, type TokenStore } from '../../../sdk/src/index.js';
import { BASE_URL, json, problem, stubApi, tokenPair } from './stub-api.js';

/** Rotation with reuse detection; `refreshDelayMs` keeps the first refresh in flight while the others arrive. */
function sessionServer(refreshDelayMs = 30) {
  let generation = 1;
  let revoked = false;
  const used = new Set<string>();
  const api = stubApi({
    'GET /auth/me': (request) => {
      const token = request.headers.get('authorization')?.replace('Bearer ', '');
      if (revoked) return problem(401, 'TOKEN_REVOKED');
      if (token !== `access-${generation}`) return problem(401, 'TOKEN_EXPIRED');
      return json({ id: 1, username: 'ada', email: 'ada@example.com', role: 'user' });
    },
    'POST /auth/refresh': async (request) => {
      const { refresh_token } = (await request.json()) as { refresh_token: string };
      await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
      if (used.has(refresh_token) || revoked) {
        revoked = true; // reuse of a rotated token: the whole session is revoked
        return problem(401, 'TOKEN_REVOKED');
      }
      used.add(refresh_token);
      generation += 1;
      return json(tokenPair(generation));
    },
  });
  return { api, isRevoked: () => revoked };
}

/** Two instances over one store whose access token has expired (the server is on generation 1, the store on 0). */
function twoInstances(server: ReturnType<typeof sessionServer>, store: TokenStore = memoryTokenStore()) {
  store.set({ access_token: 'access-0', refresh_token: 'refresh-1' });
  const a = createStorefront({ baseUrl: BASE_URL, fetch: server.api.fetch, tokenStore: store });
  const b = createStorefront({ baseUrl: BASE_URL, fetch: server.api.fetch, tokenStore: store });
  return { a, b, store };
}

describe('instances sharing a token store', () => {
  it('8 concurrent calls from two instances with an expired token: 1 refresh, all succeed, still logged in', async () => {
    const server = sessionServer();
    const { a, b, store } = twoInstances(server);
    const results = await Promise.allSettled([
      ...Array.from({ length: 4 }, () => a.auth.me()),
      ...Array.from({ length: 4 }, () => b.auth.me()),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('fulfilled'));
    expect(server.api.count('POST', '/auth/refresh')).toBe(1);
    expect(server.isRevoked()).toBe(false);
    expect(await store.get()).toEqual({ access_token: 'access-2', refresh_token: 'refresh-2' });
  });

  it('an instance that finds the store already refreshed by another uses that pair without refreshing', async () => {
    const server = sessionServer(0);
    const { a, b } = twoInstances(server);
    await a.auth.me(); // refreshes: generation 2
    // b's request goes out with the new token straight away: no 401, no refresh.
    await b.auth.me();
    expect(server.api.count('POST', '/auth/refresh')).toBe(1);
  });

  it('a store with its own lock is used for the refresh', async () => {
    const server = sessionServer();
    const base = memoryTokenStore();
    let held = 0;
    const store: TokenStore = {
      get: () => base.get(),
      set: (t) => base.set(t),
      clear: () => base.clear(),
      lock: async (task) => {
        held += 1;
        return task();
      },
    };
    const { a } = twoInstances(server, store);
    await a.auth.me();
    expect(held).toBe(1);
  });

  it('explicit refreshes from two instances take turns and never reuse a token', async () => {
    const server = sessionServer();
    const { a, b, store } = twoInstances(server);
    const [first, second] = await Promise.all([a.auth.refresh(), b.auth.refresh()]);
    expect(first.refresh_token).not.toBe(second.refresh_token);
    expect(server.isRevoked()).toBe(false);
    expect((await store.get())?.refresh_token).toBe('refresh-3');
  });
});
