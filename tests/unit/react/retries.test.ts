// Who retries what: the SDK retries transient failures (with backoff and
// Retry-After); the query hooks add no retries of TanStack's own, so a 404
// is shown after one request and a 503 costs the SDK's attempts, not four
// times as many. Run by TanStack's own observers with its browser default
// (retry: 3), its delays shortened so the old behaviour fails by count rather than by time.
import { InfiniteQueryObserver, QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { storefrontQueries } from '../../../react/src/index.js';
import { infiniteHookOptions, queryHookOptions } from '../../../react/src/hook-options.js';
import {
  AuthenticationError,
  createStorefront,
  memoryTokenStore,
  NotFoundError,
  ServiceUnavailableError,
} from '../../../sdk/src/index.js';
import { BASE_URL, problem, stubApi } from '../sdk/stub-api.js';

function setUp(maxRetries = 2) {
  const api = stubApi({
    'GET /orders/:id': () => problem(404, 'NOT_FOUND'),
    'GET /orders': () => problem(401, 'AUTHENTICATION_ERROR'),
    'GET /products': () => problem(503, 'SERVICE_UNAVAILABLE', { 'retry-after': '0' }),
  });
  const sdk = createStorefront({
    baseUrl: BASE_URL,
    fetch: api.fetch,
    maxRetries,
    retry: { initialDelayMs: 1, maxDelayMs: 1 },
    tokenStore: memoryTokenStore({ access_token: 'a', refresh_token: 'r' }),
  });
  // TanStack's browser default, retry: 3 (it is 0 when there is no `window`, as here),
  // with its delay between retries cut to 1 ms.
  const client = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 1 } } });
  return { api, sdk, client };
}

/** Subscribes like a mounted hook and resolves with the first settled result. */
function settled<R extends QueryObserverResult<unknown, unknown>>(observer: {
  subscribe(listener: (result: R) => void): () => void;
}): Promise<R> {
  return new Promise((resolve) => {
    const stop = observer.subscribe((result) => {
      if (result.status === 'pending' || result.fetchStatus === 'fetching') return;
      stop();
      resolve(result);
    });
  });
}

describe('query hooks and retries', () => {
  it('a 404 is shown after one request (no TanStack retries of a definitive answer)', async () => {
    const { api, sdk, client } = setUp();
    const result = await settled(
      new QueryObserver(client, queryHookOptions(storefrontQueries.getOrder(sdk, 9), undefined)),
    );
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(api.count('GET', '/orders/9')).toBe(1);
  });

  it('a 401 on an infinite list is shown after one request', async () => {
    const { api, sdk, client } = setUp();
    const result = await settled(
      new InfiniteQueryObserver(client, infiniteHookOptions(storefrontQueries.listOrdersInfinite(sdk), undefined)),
    );
    expect(result.error).toBeInstanceOf(AuthenticationError);
    expect(api.count('GET', '/orders')).toBe(1);
  });

  it('a 503 costs the SDK’s own attempts only (1 + maxRetries), not TanStack’s retries on top', async () => {
    const { api, sdk, client } = setUp(2);
    const result = await settled(
      new QueryObserver(client, queryHookOptions(storefrontQueries.listProducts(sdk), undefined)),
    );
    expect(result.error).toBeInstanceOf(ServiceUnavailableError);
    expect(api.count('GET', '/products')).toBe(3);
  });

  it('the factories alone (prefetchQuery, a router loader, useQuery by hand) do not retry either', async () => {
    const { api, sdk, client } = setUp();
    const result = await settled(new QueryObserver(client, storefrontQueries.getOrder(sdk, 9)));
    expect(result.error).toBeInstanceOf(NotFoundError);
    expect(api.count('GET', '/orders/9')).toBe(1);
  });

  it('a caller’s own retry option still wins', async () => {
    const { api, sdk, client } = setUp(0);
    const result = await settled(
      new QueryObserver(client, queryHookOptions(storefrontQueries.listProducts(sdk), { retry: 1 })),
    );
    expect(result.error).toBeInstanceOf(ServiceUnavailableError);
    expect(api.count('GET', '/products')).toBe(2);
  });
});
