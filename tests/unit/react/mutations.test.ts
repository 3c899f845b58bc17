// The hook layer without React: the options each mutation hook and query hook
// hands to TanStack Query, run by TanStack's own observers against the SDK on
// a stub fetch. Errors reach TanStack as the SDK's typed classes; the cache
// effects run before the caller's callbacks; logout clears the session even
// when the server call fails.
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { storefrontQueries, storefrontKeys as keys } from '../../../react/src/index.js';
import { storefrontMutationOptions } from '../../../react/src/mutation-hooks.js';
import {
  ConflictError,
  createStorefront,
  memoryTokenStore,
  NotFoundError,
  ServiceUnavailableError,
  type TokenStore,
} from '../../../sdk/src/index.js';
import { BASE_URL, type Handler, json, order, problem, stubApi } from '../sdk/stub-api.js';

let client: QueryClient;
let store: TokenStore;
function sdkOver(routes: Record<string, Handler>) {
  const api = stubApi(routes);
  return { api, sdk: createStorefront({ baseUrl: BASE_URL, fetch: api.fetch, maxRetries: 0, tokenStore: store }) };
}
const isStale = (key: readonly unknown[]) =>
  client.getQueryCache().find({ queryKey: key, exact: true })?.state.isInvalidated;

beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  store = memoryTokenStore({ access_token: 'access-1', refresh_token: 'refresh-1' });
  client.setQueryData(keys.session(), { id: 1 });
  client.setQueryData(keys.orders.list(), { items: [] });
  client.setQueryData(keys.orders.detail(7), order('pending'));
  client.setQueryData(keys.products.detail(1), { id: 1 });
});

describe('mutation hooks', () => {
  it('cancelOrder: calls the SDK, then marks the order, its lists and the stock stale before the caller’s onSuccess', async () => {
    const { sdk, api } = sdkOver({
      'POST /orders/:id/cancel': () => json({ status: 'success', message: 'Order cancelled', order_id: 7 }),
    });
    const seenInOnSuccess: unknown[] = [];
    const options = storefrontMutationOptions('cancelOrder', sdk, client, {
      onSuccess: () => {
        seenInOnSuccess.push(isStale(keys.orders.detail(7)), isStale(keys.orders.list()));
      },
    });
    const result = await new MutationObserver(client, options).mutate({ orderId: 7 });
    expect(result.order_id).toBe(7);
    expect(api.count('POST', '/orders/7/cancel')).toBe(1);
    expect(seenInOnSuccess).toEqual([true, true]);
    expect(isStale(keys.products.detail(1))).toBe(true);
  });

  it('cancelOrder refused with 409: the caller gets the SDK’s ConflictError, and the order is marked stale, not dropped', async () => {
    const { sdk } = sdkOver({ 'POST /orders/:id/cancel': () => problem(409, 'INVALID_TRANSITION') });
    const errors: unknown[] = [];
    const observer = new MutationObserver(
      client,
      storefrontMutationOptions('cancelOrder', sdk, client, { onError: (error) => errors.push(error) }),
    );
    const failure = await observer.mutate({ orderId: 7 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConflictError);
    expect((failure as ConflictError).code).toBe('INVALID_TRANSITION');
    expect(errors).toEqual([failure]);
    expect(observer.getCurrentResult().error).toBe(failure);
    expect(isStale(keys.orders.detail(7))).toBe(true);
    expect(client.getQueryData(keys.orders.detail(7))).toEqual(order('pending'));
  });

  it('createOrder: sends an Idempotency-Key and caches the new order under its id', async () => {
    const { sdk, api } = sdkOver({ 'POST /orders': () => json(order('pending', 9), 201) });
    const body = { items: [{ product_id: 1, quantity: 1 }], shipping_address: '1 Test Street' };
    await new MutationObserver(client, storefrontMutationOptions('createOrder', sdk, client)).mutate({ body });
    expect(api.seen[0]?.headers.get('idempotency-key')).toMatch(/\S{8,}/);
    expect(client.getQueryData(keys.orders.detail(9))).toMatchObject({ id: 9, status: 'pending' });
    expect(isStale(keys.orders.list())).toBe(true);
  });

  it('logout failing with 503 still signs out: tokens cleared, session null, the account’s orders dropped', async () => {
    const { sdk } = sdkOver({ 'POST /auth/logout': () => problem(503, 'SERVICE_UNAVAILABLE') });
    const failure = await new MutationObserver(client, storefrontMutationOptions('logout', sdk, client))
      .mutate()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServiceUnavailableError);
    expect(await store.get()).toBeUndefined();
    expect(client.getQueryData(keys.session())).toBeNull();
    expect(client.getQueryData(keys.orders.detail(7))).toBeUndefined();
    expect(client.getQueryData(keys.products.detail(1))).toEqual({ id: 1 });
  });
});

describe('query options', () => {
  it('a missing order fails with NotFoundError, as TanStack hands it to the component', async () => {
    const { sdk } = sdkOver({});
    const failure = await client.fetchQuery(storefrontQueries.getOrder(sdk, 404)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(client.getQueryState(keys.orders.detail(404))?.error).toBe(failure);
  });

  it('an infinite list walks pages while has_next says so', async () => {
    const page = (n: number, has_next: boolean) =>
      json({ items: [{ id: n }], total: 2, page: n, page_size: 1, has_next });
    const { sdk, api } = sdkOver({
      'GET /products': (request) => page(Number(new URL(request.url).searchParams.get('page')), true),
    });
    const options = storefrontQueries.listProductsInfinite(sdk, { search: 'lamp' });
    const data = await client.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(data.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(api.seen.map((s) => s.path)).toEqual(['/products', '/products']);
    expect(options.getNextPageParam(data.pages[1]!, data.pages, 2, data.pageParams)).toBe(3);
    const last = { items: [], total: 2, page: 3, page_size: 1, has_next: false };
    expect(options.getNextPageParam(last as never, data.pages, 3, data.pageParams)).toBeUndefined();
  });

  describe('session', () => {
    it('is null without tokens, and asks nothing of the server', async () => {
      await store.clear();
      const { sdk, api } = sdkOver({});
      expect(await client.fetchQuery(storefrontQueries.session(sdk))).toBeNull();
      expect(api.seen).toEqual([]);
    });

    it('is the account when the server accepts the tokens', async () => {
      const { sdk } = sdkOver({ 'GET /auth/me': () => json({ id: 1, username: 'ada' }) });
      expect(await client.fetchQuery(storefrontQueries.session(sdk))).toMatchObject({ username: 'ada' });
    });

    it('is null when the server refuses them (signed out elsewhere)', async () => {
      const { sdk } = sdkOver({ 'GET /auth/me': () => problem(401, 'TOKEN_REVOKED') });
      expect(await client.fetchQuery(storefrontQueries.session(sdk))).toBeNull();
    });

    it('stays an error when the server cannot answer (the tokens may still be good)', async () => {
      const { sdk } = sdkOver({ 'GET /auth/me': () => problem(503, 'SERVICE_UNAVAILABLE') });
      const failure = await client.fetchQuery(storefrontQueries.session(sdk)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ServiceUnavailableError);
      expect(await store.get()).toBeDefined();
    });
  });
});
