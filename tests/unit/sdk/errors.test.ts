// Every failure is a StorefrontError: odd success bodies, proxy answers,
// statuses the contract declares, cancellations and timeouts.
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  ConnectionError,
  createStorefront,
  InternalServerError,
  InvalidResponseError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  StorefrontError,
  TimeoutError,
} from '../../../sdk/src/index.js';
import { allOperations } from '../../helpers/contract.js';
import { BASE_URL, json, problem, stubApi } from './stub-api.js';

const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );

describe('a 2xx body that is not the promised JSON', () => {
  it("a captive portal's HTML is InvalidResponseError carrying the status and the request id sent", async () => {
    const api = stubApi({
      'GET /products/:id': () =>
        new Response('<html><body>Sign in to the Wi-Fi</body></html>', {
          status: 200,
          headers: { 'content-type': 'text/html' },
        }),
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    const err = await failure(sdk.products.get(1));
    expect(err).toBeInstanceOf(InvalidResponseError);
    expect(err).toBeInstanceOf(StorefrontError);
    expect(err).not.toBeInstanceOf(SyntaxError);
    const invalid = err as InvalidResponseError;
    expect(invalid.status).toBe(200);
    expect(invalid.body).toContain('Wi-Fi');
    expect(invalid.requestId).toBe(api.seen[0]?.headers.get('x-request-id'));
  });

  it('truncated JSON and a JSON scalar are InvalidResponseError too', async () => {
    const bodies = ['{"id": 1, "na', '"just a string"', 'null'];
    for (const body of bodies) {
      const api = stubApi({
        'GET /products/:id': () => new Response(body, { headers: { 'content-type': 'application/json' } }),
      });
      const err = await failure(createStorefront({ baseUrl: BASE_URL, fetch: api.fetch }).products.get(1));
      expect(err, body).toBeInstanceOf(InvalidResponseError);
    }
  });

  it('a body cut off mid-stream is ConnectionError', async () => {
    const api = stubApi({
      'GET /products/:id': () => {
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id": 1,'));
            controller.error(new TypeError('terminated'));
          },
        });
        return new Response(stream, { headers: { 'content-type': 'application/json' } });
      },
    });
    const err = await failure(createStorefront({ baseUrl: BASE_URL, fetch: api.fetch }).products.get(1));
    expect(err).toBeInstanceOf(ConnectionError);
  });
});

describe('request ids', () => {
  it("a proxy's HTML 502 without X-Request-Id still carries the id the SDK sent", async () => {
    const api = stubApi({
      'GET /products/:id': () =>
        new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, maxRetries: 0 });
    const err = await failure(sdk.products.get(1));
    expect(err).toBeInstanceOf(InternalServerError);
    const sent = api.seen[0]?.headers.get('x-request-id');
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect((err as ApiError).requestId).toBe(sent);
  });

  it('the server echo wins when there is one', async () => {
    const api = stubApi({ 'GET /products/:id': () => problem(404, 'NOT_FOUND', { 'x-request-id': 'from-server' }) });
    const err = await failure(createStorefront({ baseUrl: BASE_URL, fetch: api.fetch }).products.get(1));
    expect((err as ApiError).requestId).toBe('from-server');
  });
});

describe('one class per status the contract declares', () => {
  it('every 4xx/5xx the API answers (its paths, not the webhooks it sends) maps to its own ApiError subclass', () => {
    const statuses = [
      ...new Set(
        allOperations.flatMap((o) => Object.keys(o.op.responses as object).map(Number)).filter((s) => s >= 400),
      ),
    ];
    expect(statuses).toEqual(expect.arrayContaining([413, 503]));
    for (const status of statuses) {
      const err = ApiError.from(new Response(null, { status }), undefined);
      expect(err.constructor, String(status)).not.toBe(ApiError);
    }
  });

  it('413 is PayloadTooLargeError and 503 is ServiceUnavailableError with retryAfter', async () => {
    const api = stubApi({
      'POST /products': () => problem(413, 'PAYLOAD_TOO_LARGE'),
      'GET /health': () => problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '7' }),
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, maxRetries: 0 });
    expect(await failure(sdk.products.create({ name: 'x', price: 1, stock: 1 }))).toBeInstanceOf(PayloadTooLargeError);
    const unavailable = await failure(sdk.health.get());
    expect(unavailable).toBeInstanceOf(ServiceUnavailableError);
    expect(unavailable).toBeInstanceOf(InternalServerError);
    expect((unavailable as ServiceUnavailableError).retryAfter).toBe(7);
  });

  it('reads Retry-After given as an HTTP date, and leaves no "undefined" in a message', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    const api = stubApi({
      'GET /health': () => problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': at }),
      'GET /products/:id': () =>
        new Response(JSON.stringify({ status: 404, code: 'NOT_FOUND' }), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        }),
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, maxRetries: 0 });
    const unavailable = (await failure(sdk.health.get())) as ServiceUnavailableError;
    expect(unavailable.retryAfter).toBeGreaterThanOrEqual(4);
    expect(unavailable.retryAfter).toBeLessThanOrEqual(6);
    const missing = (await failure(sdk.products.get(1))) as ApiError;
    expect(missing.message).not.toContain('undefined');
  });
});

describe('cancellation and timeouts', () => {
  /** Answers only when the request is aborted (as a real fetch does then). */
  const hanging = () =>
    stubApi({
      'GET /products/:id': (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
        }),
    });

  it('your AbortSignal gives AbortError: an SDK error, not a TimeoutError, not a DOMException', async () => {
    const api = hanging();
    const controller = new AbortController();
    const pending = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch }).products.get(1, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    const err = await failure(pending);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).toBeInstanceOf(StorefrontError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect(err).not.toBeInstanceOf(DOMException);
    expect((err as AbortError).name).toBe('AbortError');
    expect((err as AbortError).requestId).toBe(api.seen[0]?.headers.get('x-request-id'));
    expect(api.seen).toHaveLength(1); // not retried
  });

  it('the SDK deadline gives TimeoutError, not AbortError; AbortSignal.timeout() of your own is your abort', async () => {
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: hanging().fetch, maxRetries: 0 });
    const timedOut = await failure(sdk.products.get(1, { timeoutMs: 20 }));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(timedOut).not.toBeInstanceOf(AbortError);
    expect(timedOut).not.toBeInstanceOf(DOMException);

    const yours = await failure(sdk.products.get(1, { signal: AbortSignal.timeout(20) }));
    expect(yours).toBeInstanceOf(AbortError);
    expect((yours as AbortError).reason).toBeInstanceOf(DOMException);
    expect(((yours as AbortError).reason as DOMException).name).toBe('TimeoutError');
  });

  it('an unreachable host is ConnectionError', async () => {
    const sdk = createStorefront({
      baseUrl: BASE_URL,
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })),
    });
    const err = await failure(sdk.auth.me());
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).message).toContain('ECONNREFUSED');
  });

  it('errors answered as JSON still parse as problems', async () => {
    const api = stubApi({ 'GET /auth/me': () => json({ code: 'X' }, 500) });
    const err = await failure(createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, maxRetries: 0 }).auth.me());
    expect(err).toBeInstanceOf(InternalServerError);
  });
});
