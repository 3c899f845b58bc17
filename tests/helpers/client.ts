// A small test client over Fastify's inject. Every response it sees is
// checked against the contract and scanned for secrets, so no test can pass
// while the server drifts from openapi.yaml or leaks a hash.
import type { FastifyInstance } from 'fastify';
import { checkResponse, findOperation } from './contract.js';

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
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
  text: string;
}

// A bcrypt hash anywhere, or a hash column serialised as a JSON key.
const SECRET_PATTERNS = [/\$2[aby]\$\d\d\$/, /"(password_hash|token_hash)"\s*:/];

export function createClient(app: FastifyInstance) {
  async function request<T = any>(method: string, url: string, call: Call = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let payload = call.payload;
    if (payload === undefined && call.body !== undefined) {
      payload = JSON.stringify(call.body);
      headers['content-type'] ??= 'application/json';
    }
    const query = call.query ? Object.fromEntries(Object.entries(call.query).map(([k, v]) => [k, String(v)])) : undefined;
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined && { payload }),
      ...(query && { query }),
      ...(call.remoteAddress && { remoteAddress: call.remoteAddress }),
    });
    for (const pattern of SECRET_PATTERNS) {
      if (pattern.test(res.body)) throw new Error(`${method} ${url} leaked a secret matching ${pattern}: ${res.body.slice(0, 300)}`);
    }
    const operation = findOperation(method, url);
    if (operation && res.statusCode !== 501) {
      const problems = checkResponse(operation, res.statusCode, res.headers['content-type'] as string | undefined, res.body);
      if (problems.length > 0) throw new Error(`Contract violation for ${method} ${url}:\n  ${problems.join('\n  ')}\n  body: ${res.body.slice(0, 500)}`);
    }
    let body: unknown = undefined;
    if (res.body.length > 0) {
      try {
        body = JSON.parse(res.body);
      } catch {
        body = res.body;
      }
    }
    return { status: res.statusCode, headers: res.headers, body: body as T, text: res.body };
  }
  return {
    request,
    get: <T = any>(url: string, call?: Call) => request<T>('GET', url, call),
    post: <T = any>(url: string, call?: Call) => request<T>('POST', url, call),
    put: <T = any>(url: string, call?: Call) => request<T>('PUT', url, call),
    patch: <T = any>(url: string, call?: Call) => request<T>('PATCH', url, call),
    delete: <T = any>(url: string, call?: Call) => request<T>('DELETE', url, call),
  };
}

export type TestClient = ReturnType<typeof createClient>;
