// Per-call options on every method and the client-wide overall deadline:
// `timeoutMs` is always the budget of the whole call, `attemptTimeoutMs` of one attempt.
import { describe, expect, it } from 'vitest';
import {
  ApiPromise,
  createStorefront,
  operationMethods,
  ServiceUnavailableError,
  TimeoutError,
  type Storefront,
} from '../../../sdk/src/index.js';
import { BASE_URL, json, problem, stubApi } from './stub-api.js';

const fast = { retry: { initialDelayMs: 1, maxDelayMs: 1 } };

describe('per-call options', () => {
  it('headers and maxRetries apply to one call only', async () => {
    const api = stubApi({ 'GET /health': () => problem(503, 'SERVICE_UNAVAILABLE') });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, ...fast });
    await expect(sdk.health.get({ maxRetries: 0, headers: { 'X-Trace': 'abc' } })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]?.headers.get('x-trace')).toBe('abc');
    await expect(sdk.health.get()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(api.seen).toHaveLength(4); // the client default: 2 retries
    expect(api.seen[3]?.headers.get('x-trace')).toBeNull();
  });

  it('the request id is the same on every attempt of one call, and yours when you pass one', async () => {
    const api = stubApi({ 'GET /health': () => new Response('busy', { status: 503 }) });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, ...fast });
    const err = (await sdk.health.get({ headers: { 'x-request-id': 'mine-1' } }).catch((e) => e)) as Error & {
      requestId: string;
    };
    expect(api.seen.map((s) => s.headers.get('x-request-id'))).toEqual(['mine-1', 'mine-1', 'mine-1']);
    expect(err.requestId).toBe('mine-1');
  });

  it('timeoutMs bounds the whole call, retries and backoff included (client-wide default and per call)', async () => {
    const api = stubApi({ 'GET /health': () => problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '5' }) });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, timeoutMs: 200, maxRetries: 5 });
    const started = Date.now();
    // A Retry-After of 5 s cannot fit in 200 ms: the 503 surfaces at once instead of sleeping past the deadline.
    await expect(sdk.health.get()).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(api.seen).toHaveLength(1);

    const slow = stubApi({
      'GET /health': () =>
        new Promise<Response>((resolve) => setTimeout(() => resolve(json({ status: 'healthy' })), 300)),
    });
    const patient = createStorefront({ baseUrl: BASE_URL, fetch: slow.fetch, timeoutMs: 100 });
    await expect(patient.health.get()).rejects.toBeInstanceOf(TimeoutError);
    await expect(patient.health.get({ timeoutMs: 2_000 })).resolves.toMatchObject({ status: 'healthy' });
  });

  it('attemptTimeoutMs fails one attempt and retries it', async () => {
    let n = 0;
    const api = stubApi({
      'GET /health': () => {
        n += 1;
        const delay = n === 1 ? 500 : 0;
        return new Promise<Response>((resolve) => setTimeout(() => resolve(json({ status: 'healthy' })), delay));
      },
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, ...fast });
    await expect(sdk.health.get({ attemptTimeoutMs: 50 })).resolves.toMatchObject({ status: 'healthy' });
    expect(api.seen).toHaveLength(2);
  });

  it('idempotencyKey and ifMatch become headers', async () => {
    const api = stubApi({
      'POST /orders': () => json({ id: 1 }, 201),
      'PATCH /products/:id': () => json({ id: 1 }),
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    await sdk.orders.create({ items: [], shipping_address: 'x' }, { idempotencyKey: 'k-1' });
    await sdk.products.update(1, { stock: 1 }, { ifMatch: '"v1"' });
    expect(api.seen[0]?.headers.get('idempotency-key')).toBe('k-1');
    expect(api.seen[1]?.headers.get('if-match')).toBe('"v1"');
  });
});

describe('every method', () => {
  it('returns an ApiPromise, a real Promise, and takes the per-call options as its last argument', async () => {
    const anything = { id: 1, items: [], has_next: false, status: 'completed', access_token: 'a', refresh_token: 'r' };
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: () => Promise.resolve(json(anything)) });
    await sdk.tokenStore.set({ access_token: 'a', refresh_token: 'r' });
    for (const path of Object.values(operationMethods)) {
      const [resource, method] = path.split('.') as [keyof Storefront, string];
      const fn = (sdk[resource] as unknown as Record<string, (...args: unknown[]) => unknown>)[method];
      expect(fn, path).toBeTypeOf('function');
      // Methods take up to (id, body, options); the stub answers anything.
      const result = fn?.length === 0 ? fn() : fn?.(1, {}, { headers: { 'X-Probe': path } });
      expect(result, path).toBeInstanceOf(ApiPromise);
      expect(result, path).toBeInstanceOf(Promise);
      await (result as Promise<unknown>).catch(() => undefined);
    }
    expect(sdk.orders.createAndWait({ items: [], shipping_address: 'x' })).toBeInstanceOf(ApiPromise);
  });
});
