// The older tests' call style (`api.get(url, { token, body })`, untyped
// bodies) as a thin layer over the one test client (test-client.ts): the
// same fetch, contract check and secret scan. New tests use the typed methods
// (`api.GET('/products/{product_id}', …)`); files move over one by one and
// this layer goes when the last user has.
import type { FastifyInstance } from 'fastify';
import { createTestClient } from './test-client.js';

export interface Call {
  token?: string | undefined;
  body?: unknown;
  /** Raw payload (e.g. malformed JSON); wins over `body`. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  /** The client's IP as the server sees it (rate limits are per IP). */
  remoteAddress?: string;
}

export interface Response<T = any> {
  status: number;
  headers: Record<string, string | undefined>;
  body: T;
  text: string;
}

export function createClient(app: FastifyInstance) {
  const typed = createTestClient(app);
  async function request<T = any>(method: string, url: string, call: Call = {}): Promise<Response<T>> {
    const client = call.remoteAddress ? createTestClient(app, { remoteAddress: call.remoteAddress }) : typed;
    const query = call.query
      ? `?${new URLSearchParams(Object.entries(call.query).map(([k, v]) => [k, String(v)]))}`
      : '';
    const res = await client.send(method, `${url}${query}`, {
      headers: { ...call.headers, ...(call.token && { authorization: `Bearer ${call.token}` }) },
      ...(call.body !== undefined && { body: call.body }),
      ...(call.payload !== undefined && {
        payload: typeof call.payload === 'string' ? call.payload : Uint8Array.from(call.payload),
      }),
    });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: res.body as T, text: res.text };
  }
  return Object.assign(typed, {
    request,
    get: <T = any>(url: string, call?: Call) => request<T>('GET', url, call),
    post: <T = any>(url: string, call?: Call) => request<T>('POST', url, call),
    put: <T = any>(url: string, call?: Call) => request<T>('PUT', url, call),
    patch: <T = any>(url: string, call?: Call) => request<T>('PATCH', url, call),
    delete: <T = any>(url: string, call?: Call) => request<T>('DELETE', url, call),
  });
}

export type LegacyClient = ReturnType<typeof createClient>;
/** @deprecated the older name; new code takes `TestClient` from test-client.ts. */
export type TestClient = LegacyClient;
