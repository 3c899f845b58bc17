// The one test client: the SDK's typed openapi-fetch client (`createClient`),
// over either the app in process (a fetch that calls `app.inject`) or a real
// server. Its middleware checks every response against the contract
// (declared status, content type and schema) and scans it for secrets, so no
// test can pass while the server drifts from the contract or leaks a hash.
//
//   const api = createTestClient(app).as(user.token);
//   const { data, response } = await api.GET('/products/{product_id}', { params: { path: { product_id: 1 } } });
//
// `send` is the escape hatch for requests the contract forbids (malformed
// bodies, wrong types, unknown methods): untyped, through the same checks.
import type { FastifyInstance } from 'fastify';
import { createClient, type StorefrontClient } from '../../sdk/src/index.js';
import { allOperations, checkResponse, findOperation, type OperationRef } from './contract.js';

/** The base URL of the app in process; any host works, inject never opens a socket. */
const IN_PROCESS = 'http://storefront.test/api/v1';

// A bcrypt hash anywhere, or a hash column serialised as a JSON key.
const SECRET_PATTERNS = [/\$2[aby]\$\d\d\$/, /"(password_hash|token_hash)"\s*:/];

/** Throws when a response leaks a secret or breaks the contract of `operation` (when known). */
export function checkExchange(
  method: string,
  url: string,
  operation: OperationRef | undefined,
  status: number,
  contentType: string | null,
  text: string,
): void {
  for (const pattern of SECRET_PATTERNS) {
    if (pattern.test(text))
      throw new Error(`${method} ${url} leaked a secret matching ${pattern}: ${text.slice(0, 300)}`);
  }
  // 501 is the glue's answer for an operation without a handler: the contract test reports those.
  if (!operation || status === 501) return;
  const problems = checkResponse(operation, status, contentType ?? undefined, text);
  if (problems.length > 0)
    throw new Error(
      `Contract violation for ${method} ${url}:\n  ${problems.join('\n  ')}\n  body: ${text.slice(0, 500)}`,
    );
}

const byPath = new Map(allOperations.map((o) => [`${o.method} ${o.path}`, o]));

/** The contract check and the secret scan, as openapi-fetch middleware. */
export const contractMiddleware: Parameters<StorefrontClient['use']>[0] = {
  async onResponse({ request, response, schemaPath }) {
    const operation = byPath.get(`${request.method} ${schemaPath}`);
    const text = await response.clone().text();
    checkExchange(request.method, request.url, operation, response.status, response.headers.get('content-type'), text);
    return undefined;
  },
};

export interface InjectOptions {
  /** The client's IP as the server sees it (rate limits are per IP). */
  remoteAddress?: string;
}

/** A fetch that hands each request to `app.inject`: the whole app, no socket. */
export function injectFetch(app: FastifyInstance, options: InjectOptions = {}) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const res = await app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      ...(body && { payload: body }),
      ...(options.remoteAddress && { remoteAddress: options.remoteAddress }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
    }
    const empty = res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD';
    return new Response(empty ? null : Uint8Array.from(res.rawPayload), { status: res.statusCode, headers });
  };
}

export interface Exchange {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON; undefined when empty. */
  body: unknown;
  text: string;
}

export interface SendCall {
  /** Serialised as JSON with `content-type: application/json` (unless headers say otherwise). */
  body?: unknown;
  /** Sent as it is (e.g. malformed JSON); wins over `body`. */
  payload?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /** Abort the request after this long (a real server only; inject ignores it). */
  timeoutMs?: number;
}

export interface TestClient extends StorefrontClient {
  /** The same client sending `Authorization: Bearer <token>` on every request. */
  as(token: string | undefined): TestClient;
  /** The same client calling from `remoteAddress` (the app in process only: rate limits and throttles are per IP). */
  from(remoteAddress: string): TestClient;
  /** An untyped request to a path from the root (`/api/v1/products`, `/docs`), through the same checks. */
  send(method: string, path: string, call?: SendCall): Promise<Exchange>;
}

export interface TestClientOptions extends InjectOptions {
  token?: string | undefined;
  headers?: Record<string, string>;
}

/** A typed client for the app in process, or for a server at `baseUrl` (…/api/v1). */
export function createTestClient(target: FastifyInstance | string, options: TestClientOptions = {}): TestClient {
  const baseUrl = typeof target === 'string' ? target : IN_PROCESS;
  const fetch =
    typeof target === 'string' ? (request: Request) => globalThis.fetch(request) : injectFetch(target, options);
  const headers = { ...options.headers, ...(options.token && { authorization: `Bearer ${options.token}` }) };
  // No retries and no timers: a test sees every answer as the server gave it.
  const client = createClient({ baseUrl, fetch, headers, maxRetries: 0, timeoutMs: 0, attemptTimeoutMs: 0 });
  client.use(contractMiddleware);

  async function send(method: string, path: string, call: SendCall = {}): Promise<Exchange> {
    const url = new URL(path, baseUrl);
    const sendHeaders = new Headers({ ...headers, ...call.headers });
    let payload = call.payload;
    if (payload === undefined && call.body !== undefined) {
      payload = JSON.stringify(call.body);
      if (!sendHeaders.has('content-type')) sendHeaders.set('content-type', 'application/json');
    }
    const response = await fetch(
      new Request(url, {
        method,
        headers: sendHeaders,
        ...(payload !== undefined && { body: payload }),
        ...(call.timeoutMs !== undefined && { signal: AbortSignal.timeout(call.timeoutMs) }),
      }),
    );
    const text = await response.text();
    const pathname = url.pathname + url.search;
    checkExchange(
      method,
      pathname,
      findOperation(method, pathname),
      response.status,
      response.headers.get('content-type'),
      text,
    );
    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers: response.headers, body, text };
  }

  return Object.assign(client, {
    as: (token: string | undefined) => createTestClient(target, { ...options, token }),
    from: (remoteAddress: string) => createTestClient(target, { ...options, remoteAddress }),
    send,
  });
}
