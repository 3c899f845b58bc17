// createAndWait: long-polls with Prefer: wait when the server honours it,
// polls otherwise, gives up with OrderWaitTimeoutError (not a connection
// error) carrying the last state seen, and exposes the order on abort.
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ConnectionError,
  createStorefront,
  OrderWaitAbortedError,
  OrderWaitTimeoutError,
  StorefrontError,
  TimeoutError,
  ValidationError,
} from '../../../sdk/src/index.js';
import { BASE_URL, json, order, problem, stubApi } from './stub-api.js';

const body = { items: [{ product_id: 1, quantity: 1 }], shipping_address: '1 Test Street' };

function ordersApi(getOrder: (request: Request, n: number) => Response | Promise<Response>) {
  let gets = 0;
  return stubApi({
    'POST /orders': () => json(order('pending'), 201),
    'GET /orders/:id': (request) => {
      gets += 1;
      return getOrder(request, gets);
    },
  });
}

describe('createAndWait', () => {
  it('gives up with OrderWaitTimeoutError carrying the last order seen (not a connection or timeout error)', async () => {
    const api = ordersApi(() => json(order('processing')));
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    const err = await sdk.orders.createAndWait(body, { timeoutMs: 150, pollIntervalMs: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrderWaitTimeoutError);
    expect(err).toBeInstanceOf(StorefrontError);
    expect(err).not.toBeInstanceOf(ConnectionError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect((err as OrderWaitTimeoutError).order).toMatchObject({ id: 7, status: 'processing' });
    expect(api.count('POST', '/orders')).toBe(1);
  });

  it('on abort after placing the order, rejects with OrderWaitAbortedError holding the order', async () => {
    const api = ordersApi(() => json(order('pending')));
    const controller = new AbortController();
    const pending = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch }).orders.createAndWait(body, {
      signal: controller.signal,
      pollIntervalMs: 10,
    });
    setTimeout(() => controller.abort(), 60);
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrderWaitAbortedError);
    expect(err).toBeInstanceOf(AbortError);
    expect((err as OrderWaitAbortedError).order.id).toBe(7);
  });

  it('long-polls with Prefer: wait while the server applies it (no client-side sleeping)', async () => {
    const api = ordersApi((request, n) => {
      const prefer = request.headers.get('prefer');
      const applied: Record<string, string> = prefer ? { 'preference-applied': prefer } : {};
      return json(order(n < 3 ? 'processing' : 'completed'), 200, applied);
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    const done = await sdk.orders.createAndWait(body, { timeoutMs: 10_000, pollIntervalMs: 5_000 });
    expect(done.status).toBe('completed');
    const gets = api.seen.filter((s) => s.method === 'GET');
    expect(gets).toHaveLength(3);
    for (const get of gets) expect(get.headers.get('prefer')).toMatch(/^wait=\d+$/);
  });

  it('falls back to polling when the server ignores Prefer (no Preference-Applied)', async () => {
    const api = ordersApi((_, n) => json(order(n < 3 ? 'pending' : 'completed')));
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    const done = await sdk.orders.createAndWait(body, { timeoutMs: 10_000, pollIntervalMs: 5 });
    expect(done.status).toBe('completed');
    const prefers = api.seen.filter((s) => s.method === 'GET').map((s) => s.headers.get('prefer'));
    expect(prefers[0]).toMatch(/^wait=/);
    expect(prefers.slice(1)).toEqual([null, null]);
  });

  it('keeps one Idempotency-Key for the create, and returns an ApiPromise', async () => {
    const api = ordersApi(() => json(order('completed')));
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch });
    const pending = sdk.orders.createAndWait(body, { idempotencyKey: 'my-key' });
    expect(pending).toBeInstanceOf(Promise);
    const { data, response } = await pending.withResponse();
    expect(data.status).toBe('completed');
    expect(response.status).toBe(200);
    expect(api.seen[0]?.headers.get('idempotency-key')).toBe('my-key');
  });

  it('a timeout or abort while placing the order carries the Idempotency-Key it was sent with, so a retry cannot duplicate it', async () => {
    // The create is slow to answer (the order may well exist by then).
    const slowCreate = () =>
      stubApi({
        'POST /orders': (request) =>
          new Promise<Response>((_, reject) => {
            request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
          }),
      });
    const timedOut = slowCreate();
    const err = await createStorefront({ baseUrl: BASE_URL, fetch: timedOut.fetch, maxRetries: 0 })
      .orders.createAndWait(body, { timeoutMs: 30 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorefrontError);
    const sentKey = timedOut.seen[0]?.headers.get('idempotency-key');
    expect(sentKey).toMatch(/.{16,}/);
    expect((err as StorefrontError).idempotencyKey).toBe(sentKey);

    const aborted = slowCreate();
    const controller = new AbortController();
    const pending = createStorefront({ baseUrl: BASE_URL, fetch: aborted.fetch }).orders.createAndWait(body, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    const abortErr = await pending.catch((e: unknown) => e);
    expect(abortErr).toBeInstanceOf(AbortError);
    expect((abortErr as AbortError).idempotencyKey).toBe(aborted.seen[0]?.headers.get('idempotency-key'));
  });

  it('the errors of a wait that gave up carry the key too', async () => {
    const api = ordersApi(() => json(order('processing')));
    const err = await createStorefront({ baseUrl: BASE_URL, fetch: api.fetch })
      .orders.createAndWait(body, { timeoutMs: 100, pollIntervalMs: 10, idempotencyKey: 'mine-123' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrderWaitTimeoutError);
    expect((err as OrderWaitTimeoutError).idempotencyKey).toBe('mine-123');
  });
});

describe('orders.create', () => {
  it('every error carries the Idempotency-Key the SDK made for the call: a timeout, a 422, a 503 after its retries', async () => {
    const api = stubApi({
      'POST /orders': (request) => {
        const kind = request.headers.get('x-case');
        if (kind === 'invalid') return problem(422, 'VALIDATION_ERROR');
        if (kind === 'unavailable') return problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '0' });
        return new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
        });
      },
    });
    const sdk = createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, retry: { initialDelayMs: 1, maxDelayMs: 1 } });
    const failure = (kind: string, extra: object = {}) =>
      sdk.orders.create(body, { headers: { 'X-Case': kind }, ...extra }).then(
        () => expect.unreachable('the call should fail'),
        (e: unknown) => e as StorefrontError,
      );
    const keysSent = (kind: string) =>
      api.seen.filter((s) => s.headers.get('x-case') === kind).map((s) => s.headers.get('idempotency-key'));

    const timedOut = await failure('slow', { timeoutMs: 30, maxRetries: 0 });
    expect(timedOut).toBeInstanceOf(TimeoutError);
    const invalid = await failure('invalid');
    expect(invalid).toBeInstanceOf(ValidationError);
    const unavailable = await failure('unavailable', { maxRetries: 2 });
    expect(unavailable.name).toBe('ServiceUnavailableError');

    expect(timedOut.idempotencyKey).toMatch(/.{16,}/);
    expect(keysSent('slow')).toEqual([timedOut.idempotencyKey]);
    expect(keysSent('invalid')).toEqual([invalid.idempotencyKey]);
    // The retries of one call share its key, and that key is the one on the error.
    expect(keysSent('unavailable')).toEqual(Array(3).fill(unavailable.idempotencyKey));
    expect(new Set([timedOut.idempotencyKey, invalid.idempotencyKey, unavailable.idempotencyKey]).size).toBe(3);
  });
});
