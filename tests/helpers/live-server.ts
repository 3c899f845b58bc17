// The real app on a real port for the SDK suites, as a fixture
// (`const test = liveServerTest(env)`, then `async ({ server }) => …`), and
// small helpers shared by them. One server per test file, closed after it.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildTestApp, TEST_ENV, type TestApp } from './app.js';
import { createAdmin, registerUser, type TestUser } from './factories.js';
import { appTest } from './fixtures.js';
import { createStorefront, type ClientOptions, type Storefront } from '../../sdk/src/index.js';

export interface LiveServer extends TestApp {
  baseUrl: string;
  /** A facade pointed at this server; options override the defaults. */
  sdk(options?: Partial<ClientOptions>): Storefront;
  /** A facade logged in as a fresh user (or a fresh admin). */
  signedIn(options?: Partial<ClientOptions> & { admin?: boolean }): Promise<{ sdk: Storefront; user: TestUser }>;
}

/** The fixtures of `appTest(env)` and `server`: the app listening on loopback, with SDK facades pointed at it. */
export function liveServerTest(env: Record<string, string> = {}) {
  return appTest(env).extend('server', { scope: 'file' }, ({ testApp, origin }) => liveServer(testApp, origin));
}

/** The same outside Vitest fixtures (the package suites): close it in afterAll. */
export async function startServer(env: Record<string, string> = {}): Promise<LiveServer> {
  const t = await buildTestApp(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return liveServer(t, `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
}

function liveServer(t: TestApp, origin: string): LiveServer {
  const baseUrl = `${origin}/api/v1`;
  const sdk = (options: Partial<ClientOptions> = {}) => createStorefront({ baseUrl, ...options });
  async function signedIn({ admin = false, ...options }: Partial<ClientOptions> & { admin?: boolean } = {}) {
    const user = admin ? await createAdmin(t.api, t.database.handle.db) : await registerUser(t.api);
    const client = sdk(options);
    await client.auth.login({ email: user.email, password: user.password });
    return { sdk: client, user };
  }
  return { ...t, baseUrl, sdk, signedIn };
}

/** A fetch that records every request it sends (method, path, status) before answering. */
export function recordingFetch() {
  const calls: { method: string; path: string; status: number | 'error' }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    try {
      const response = await globalThis.fetch(request);
      calls.push({ method: request.method, path, status: response.status });
      return response;
    } catch (err) {
      calls.push({ method: request.method, path, status: 'error' });
      throw err;
    }
  };
  return {
    fetch,
    calls,
    count: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path).length,
  };
}

/** An access token for user `sub` that expired a minute ago, signed with the test secret: the server answers TOKEN_EXPIRED. */
export function expiredAccessToken(sub: number): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({
    sub: String(sub),
    sid: 1,
    role: 'user',
    typ: 'access',
    jti: 'expired',
    iss: 'storefront',
    aud: 'storefront-api',
    iat: now - 120,
    exp: now - 60,
  });
  const sig = createHmac('sha256', TEST_ENV.JWT_SECRET as string)
    .update(`${head}.${body}`)
    .digest('base64url');
  return `${head}.${body}.${sig}`;
}
