// Query options per read operation, for `useQuery`, `prefetchQuery`,
// `ensureQueryData` or a router loader alike. Each passes TanStack's abort
// signal to the SDK (a query dropped by an unmounted component stops its
// request) and fails with the SDK's typed errors.
import {
  type DataTag,
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
  type UseInfiniteQueryOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import {
  AuthenticationError,
  type Health,
  type Order,
  type OrderPage,
  type Product,
  type ProductPage,
  type User,
  type UserPage,
  type WebhookDeliveryPage,
  type WebhookEndpoint,
  type WebhookEndpointPage,
  type Query,
  type Storefront,
  type StorefrontError,
} from '@storefront/sdk';
import { storefrontKeys as keys, type ListFilters } from './keys.js';

type Sdk = Storefront;
type UserId = Parameters<Sdk['users']['get']>[0];
type ProductId = Parameters<Sdk['products']['get']>[0];
type OrderId = Parameters<Sdk['orders']['get']>[0];
type EndpointId = Parameters<Sdk['webhooks']['getEndpoint']>[0];

/** The account signed in on this client, or null. */
export type Session = User | null;

/** Options for useQuery and friends, with the key tagged by its data and error types (for getQueryData). */
export type SdkQueryOptions<T> = UseQueryOptions<T, StorefrontError, T, QueryKey> & {
  queryKey: DataTag<QueryKey, T, StorefrontError>;
};
export type SdkInfiniteQueryOptions<P> = UseInfiniteQueryOptions<
  P,
  StorefrontError,
  InfiniteData<P, number>,
  QueryKey,
  number
> & { queryKey: DataTag<QueryKey, InfiniteData<P>, StorefrontError> };

/**
 * TanStack retries a failed query 3 times by default. The SDK has retried
 * already what can succeed on a second try (429, 502-504, network errors and
 * attempt timeouts, with backoff and Retry-After, `maxRetries`), so what
 * reaches a query is final: a 4xx says the same the next time, and retrying a
 * transient failure again would multiply the SDK's attempts (3 x 4 requests).
 * A caller's own `retry` option still wins.
 */
export const sdkRetries = { retry: false } as const;

function query<T>(queryKey: QueryKey, fetch: (signal: AbortSignal) => PromiseLike<T>): SdkQueryOptions<T> {
  return queryOptions<T, StorefrontError, T, QueryKey>({
    ...sdkRetries,
    queryKey,
    queryFn: async ({ signal }) => fetch(signal),
  });
}

interface PageOf<Item> {
  items: Item[];
  page: number;
  has_next: boolean;
}

function infinite<P extends PageOf<unknown>>(
  queryKey: QueryKey,
  fetch: (page: number, signal: AbortSignal) => PromiseLike<P>,
): SdkInfiniteQueryOptions<P> {
  return infiniteQueryOptions<P, StorefrontError, InfiniteData<P, number>, QueryKey, number>({
    ...sdkRetries,
    queryKey,
    queryFn: async ({ pageParam, signal }) => fetch(pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.has_next && last.items.length > 0 ? last.page + 1 : undefined),
  });
}

export const storefrontQueries = {
  getHealth: (sdk: Sdk) => query(keys.health(), (signal): PromiseLike<Health> => sdk.health.get({ signal })),
  getCurrentUser: (sdk: Sdk) => query(keys.currentUser(), (signal): PromiseLike<User> => sdk.auth.me({ signal })),

  listUsers: (sdk: Sdk, q: Query<'listUsers'> = {}) =>
    query(keys.users.list(q), (signal): PromiseLike<UserPage> => sdk.users.list(q, { signal })),
  listUsersInfinite: (sdk: Sdk, filters: ListFilters<Query<'listUsers'>> = {}) =>
    infinite(
      keys.users.infinite(filters),
      (page, signal): PromiseLike<UserPage> => sdk.users.list({ ...filters, page }, { signal }),
    ),
  getUser: (sdk: Sdk, userId: UserId) =>
    query(keys.users.detail(userId), (signal): PromiseLike<User> => sdk.users.get(userId, { signal })),

  listProducts: (sdk: Sdk, q: Query<'listProducts'> = {}) =>
    query(keys.products.list(q), (signal): PromiseLike<ProductPage> => sdk.products.list(q, { signal })),
  listProductsInfinite: (sdk: Sdk, filters: ListFilters<Query<'listProducts'>> = {}) =>
    infinite(
      keys.products.infinite(filters),
      (page, signal): PromiseLike<ProductPage> => sdk.products.list({ ...filters, page }, { signal }),
    ),
  getProduct: (sdk: Sdk, productId: ProductId) =>
    query(keys.products.detail(productId), (signal): PromiseLike<Product> => sdk.products.get(productId, { signal })),

  listOrders: (sdk: Sdk, q: Query<'listOrders'> = {}) =>
    query(keys.orders.list(q), (signal): PromiseLike<OrderPage> => sdk.orders.list(q, { signal })),
  listOrdersInfinite: (sdk: Sdk, filters: ListFilters<Query<'listOrders'>> = {}) =>
    infinite(
      keys.orders.infinite(filters),
      (page, signal): PromiseLike<OrderPage> => sdk.orders.list({ ...filters, page }, { signal }),
    ),
  getOrder: (sdk: Sdk, orderId: OrderId) =>
    query(keys.orders.detail(orderId), (signal): PromiseLike<Order> => sdk.orders.get(orderId, { signal })),

  listWebhookEndpoints: (sdk: Sdk, q: Query<'listWebhookEndpoints'> = {}) =>
    query(
      keys.webhookEndpoints.list(q),
      (signal): PromiseLike<WebhookEndpointPage> => sdk.webhooks.listEndpoints(q, { signal }),
    ),
  listWebhookEndpointsInfinite: (sdk: Sdk, filters: ListFilters<Query<'listWebhookEndpoints'>> = {}) =>
    infinite(
      keys.webhookEndpoints.infinite(filters),
      (page, signal): PromiseLike<WebhookEndpointPage> => sdk.webhooks.listEndpoints({ ...filters, page }, { signal }),
    ),
  getWebhookEndpoint: (sdk: Sdk, endpointId: EndpointId) =>
    query(
      keys.webhookEndpoints.detail(endpointId),
      (signal): PromiseLike<WebhookEndpoint> => sdk.webhooks.getEndpoint(endpointId, { signal }),
    ),
  listWebhookDeliveries: (sdk: Sdk, endpointId: EndpointId, q: Query<'listWebhookDeliveries'> = {}) =>
    query(
      keys.webhookDeliveries.list(endpointId, q),
      (signal): PromiseLike<WebhookDeliveryPage> => sdk.webhooks.listDeliveries(endpointId, q, { signal }),
    ),
  listWebhookDeliveriesInfinite: (
    sdk: Sdk,
    endpointId: EndpointId,
    filters: ListFilters<Query<'listWebhookDeliveries'>> = {},
  ) =>
    infinite(
      keys.webhookDeliveries.infinite(endpointId, filters),
      (page, signal): PromiseLike<WebhookDeliveryPage> =>
        sdk.webhooks.listDeliveries(endpointId, { ...filters, page }, { signal }),
    ),

  /**
   * The auth state: null without tokens, or when the server no longer
   * accepts them (the SDK has then cleared its store); the account otherwise.
   * Other failures (network, 5xx) stay errors: they do not mean signed out.
   */
  session: (sdk: Sdk) =>
    query(keys.session(), async (signal): Promise<Session> => {
      if (!(await sdk.tokenStore.get())) return null;
      try {
        return await sdk.auth.me({ signal });
      } catch (error) {
        if (error instanceof AuthenticationError) return null;
        throw error;
      }
    }),
};
