// Real HTTP calls to a spawned server through the one test client
// (tests/helpers/test-client.ts): the same contract check and secret scan as
// the api layer, plus the time each call took.
import { PASSWORD } from '../../helpers/factories.js';
import { createTestClient, type TestClient } from '../../helpers/test-client.js';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  ms: number;
}

export interface HttpCall {
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const clients = new Map<string, TestClient>();

/** `path` from the server's root (`/api/v1/products`); throws on a contract violation or a leaked secret. */
export async function http<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  call: HttpCall = {},
): Promise<HttpResult<T>> {
  let client = clients.get(baseUrl);
  if (!client) {
    client = createTestClient(`${baseUrl}/api/v1`);
    clients.set(baseUrl, client);
  }
  const t0 = performance.now();
  const res = await client.send(method, path, {
    headers: { ...call.headers, ...(call.token && { authorization: `Bearer ${call.token}` }) },
    ...(call.body !== undefined && { body: call.body }),
    timeoutMs: call.timeoutMs ?? 15_000,
  });
  return { ...res, body: res.body as T, ms: performance.now() - t0 };
}

export { ADDRESS } from '../../helpers/orders.js';
export { setTimeout as sleep } from 'node:timers/promises';

export async function registerAndLogin(baseUrl: string, username: string, password = PASSWORD) {
  const email = `${username}@example.com`;
  const reg = await http(baseUrl, 'POST', '/api/v1/auth/register', { body: { username, email, password } });
  if (reg.status !== 201) throw new Error(`register ${reg.status} ${reg.text}`);
  const login = await http(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`login ${login.status} ${login.text}`);
  return {
    id: reg.body.id as number,
    email,
    password,
    token: login.body.access_token as string,
    refreshToken: login.body.refresh_token as string,
  };
}
