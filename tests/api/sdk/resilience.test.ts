// Retries (429 with Retry-After, network errors), timeouts and connection
// failures, against a live server with a tiny rate limit and slow hashing.
import { createServer } from 'node:net';
import { describe, expect } from 'vitest';
import { ConnectionError, createStorefront, RateLimitError, TimeoutError } from '../../../sdk/src/index.js';
import { registerUser } from '../../helpers/factories.js';
import { recordingFetch, liveServerTest, type LiveServer } from '../../helpers/live-server.js';

// 2 authenticated requests per user per second; bcrypt cost 12 makes login take ~200 ms.
const test = liveServerTest({ RATE_LIMIT_USER: '2', RATE_LIMIT_WINDOW: '1', BCRYPT_COST: '12' });

const loggedIn = async (server: LiveServer, options: Parameters<LiveServer['sdk']>[0] = {}) =>
  (await server.signedIn(options)).sdk;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('retries', () => {
  test('retries a 429 after the Retry-After the server sent, then succeeds', async ({ server }) => {
    const rec = recordingFetch();
    const sdk = await loggedIn(server, { fetch: rec.fetch });
    await sdk.auth.me();
    await sdk.auth.me();
    const started = Date.now();
    const me = await sdk.auth.me();
    const waited = Date.now() - started;
    expect(me.id).toBeGreaterThan(0);
    const statuses = rec.calls.filter((c) => c.path === '/auth/me').map((c) => c.status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 429]);
    expect(statuses.at(-1)).toBe(200);
    expect(waited).toBeGreaterThanOrEqual(900); // Retry-After: 1
  });

  test('surfaces RateLimitError with retryAfter when retries are off', async ({ server }) => {
    const sdk = await loggedIn(server, { maxRetries: 0 });
    await sdk.auth.me();
    await sdk.auth.me();
    const err = await sdk.auth.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).code).toBe('RATE_LIMITED');
    expect((err as RateLimitError).retryAfter).toBeGreaterThanOrEqual(1);
  });

  test('never retries an unsafe method without an Idempotency-Key', async ({ server }) => {
    const rec = recordingFetch();
    const sdk = await loggedIn(server, { fetch: rec.fetch });
    await sdk.auth.me();
    await sdk.auth.me();
    const err = await sdk.auth
      .changePassword({ current_password: 'Sup3r#Secret', new_password: 'N3w#Password' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(rec.count('PUT', '/auth/password')).toBe(1);
  });
});

describe('network failures and timeouts', () => {
  test('a closed port is ConnectionError after the default 2 retries, carrying the request id', async () => {
    const rec = recordingFetch();
    const sdk = createStorefront({
      baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`,
      fetch: rec.fetch,
      retry: { initialDelayMs: 10 },
    });
    const err = await sdk.health.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect((err as ConnectionError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rec.calls.map((c) => c.status)).toEqual(['error', 'error', 'error']);
  });

  test('a POST to a closed port fails at once (not replayable)', async () => {
    const rec = recordingFetch();
    const sdk = createStorefront({ baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1`, fetch: rec.fetch });
    await expect(sdk.auth.login({ username: 'x', password: 'y' })).rejects.toBeInstanceOf(ConnectionError);
    expect(rec.calls).toHaveLength(1);
  });

  test('no answer within timeoutMs is TimeoutError (login hashing at cost 12 vs a 30 ms timeout)', async ({
    server,
  }) => {
    const user = await registerUser(server.api);
    const sdk = server.sdk({ timeoutMs: 30 });
    const started = Date.now();
    const err = await sdk.auth.login({ email: user.email, password: user.password }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    // The same call with room to breathe works.
    await expect(
      server.sdk({ timeoutMs: 10_000 }).auth.login({ email: user.email, password: user.password }),
    ).resolves.toMatchObject({ token_type: 'bearer' });
  });

  test("the caller's AbortSignal cancels without retrying, as an AbortError", async ({ server }) => {
    const user = await registerUser(server.api);
    const controller = new AbortController();
    const pending = server
      .sdk()
      .auth.login({ email: user.email, password: user.password }, { signal: controller.signal });
    controller.abort();
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
  });
});
