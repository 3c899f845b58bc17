// Query keys, one hierarchy for the whole API, so a mutation can invalidate
// by prefix: `products.all()` covers every list, infinite list and detail of
// products; `orders.lists()` every page and infinite list of orders.
import type { Query } from '@storefront/sdk';

const ROOT = 'storefront';

/** Filters of a list without `page`: an infinite query walks the pages itself. */
export type ListFilters<Q> = Omit<Q, 'page'>;

function resourceKeys<const R extends string, Q extends object>(resource: R) {
  const all = [ROOT, resource] as const;
  return {
    all: () => all,
    lists: () => [...all, 'list'] as const,
    /** One page of the list with these filters. */
    list: (query: Q = {} as Q) => [...all, 'list', 'page', query] as const,
    /** Every page of the list with these filters (an infinite query). */
    infinite: (filters: ListFilters<Q> = {} as ListFilters<Q>) => [...all, 'list', 'infinite', filters] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: number) => [...all, 'detail', id] as const,
  };
}

export const storefrontKeys = {
  all: () => [ROOT] as const,
  health: () => [ROOT, 'health'] as const,
  /**
   * The signed-in user or null: what the auth state is built on. Kept apart
   * from the user-scoped data below so logging in or out can drop that data
   * without losing the session query's observers.
   */
  session: () => [ROOT, 'session'] as const,
  /** User-scoped data of the current account (getCurrentUser). */
  currentUser: () => [ROOT, 'me'] as const,
  users: resourceKeys<'users', Query<'listUsers'>>('users'),
  products: resourceKeys<'products', Query<'listProducts'>>('products'),
  orders: resourceKeys<'orders', Query<'listOrders'>>('orders'),
  webhookEndpoints: resourceKeys<'webhookEndpoints', Query<'listWebhookEndpoints'>>('webhookEndpoints'),
  /** Deliveries, under their endpoint's id. */
  webhookDeliveries: {
    all: () => [ROOT, 'webhookDeliveries'] as const,
    of: (endpointId: number) => [ROOT, 'webhookDeliveries', endpointId] as const,
    list: (endpointId: number, query: Query<'listWebhookDeliveries'> = {}) =>
      [ROOT, 'webhookDeliveries', endpointId, 'page', query] as const,
    infinite: (endpointId: number, filters: ListFilters<Query<'listWebhookDeliveries'>> = {}) =>
      [ROOT, 'webhookDeliveries', endpointId, 'infinite', filters] as const,
  },
};

/** Everything that belongs to the signed-in account, dropped when it changes. */
export const userScopedKeys = () => [
  storefrontKeys.currentUser(),
  storefrontKeys.users.all(),
  storefrontKeys.orders.all(),
];
