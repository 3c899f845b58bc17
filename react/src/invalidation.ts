// What each write does to the cache, as data: which queries it makes stale,
// which answers it already holds (the server returns the updated resource,
// so the detail is set without a refetch) and which data it makes wrong to
// keep (another account's orders after logging in or out). Each write
// starts from its contract's `x-storefront-sdk.invalidates`
// (generated/invalidation.ts); the entries below refine those that know
// more. Pure, so the table is unit-tested without React; `applyEffects` runs
// it on a QueryClient.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { invalidatedBy } from './generated/invalidation.js';
import { storefrontKeys as keys, userScopedKeys } from './keys.js';
import type { MutationData, MutationOperationId, MutationVariables } from './mutation-runners.js';

export interface CacheEffects {
  /** Queries to drop without refetching. */
  remove?: QueryKey[];
  /** Queries whose new value is known; `undefined` (the call failed) marks them stale instead. */
  set?: [QueryKey, unknown][];
  /** Queries to mark stale (active ones refetch). Prefixes: `orders.lists()` covers every page. */
  invalidate?: QueryKey[];
}

type EffectsOf = {
  [K in MutationOperationId]: (variables: MutationVariables<K>, data: MutationData<K> | undefined) => CacheEffects;
};

const signedInAs = (): CacheEffects => ({ remove: userScopedKeys(), invalidate: [keys.session()] });
/** Signed out, here or in another tab: the account's data dropped, the session known to be none. */
export const signedOut = (): CacheEffects => ({ remove: userScopedKeys(), set: [[keys.session(), null]] });
const userChanged = (userId: number, data: unknown): CacheEffects => ({
  set: [[keys.users.detail(userId), data]],
  // It may be the signed-in account (its name, email or role).
  invalidate: [keys.users.lists(), keys.currentUser(), keys.session()],
});
const productChanged = (productId: number, data: unknown): CacheEffects => ({
  set: [[keys.products.detail(productId), data]],
  invalidate: [keys.products.lists()],
});
const orderChanged = (orderId: number, data: unknown): CacheEffects => ({
  set: [[keys.orders.detail(orderId), data]],
  invalidate: [keys.orders.lists()],
});

const webhookEndpointChanged = (endpointId: number, data: unknown): CacheEffects => ({
  set: [[keys.webhookEndpoints.detail(endpointId), data]],
  invalidate: [keys.webhookEndpoints.lists()],
});

/** What the contract says each write invalidates, as effects. */
const contractEffects = Object.fromEntries(
  Object.entries(invalidatedBy).map(([operationId, invalidate]) => [operationId, (): CacheEffects => ({ invalidate })]),
) as Record<MutationOperationId, () => CacheEffects>;

export const mutationEffects: EffectsOf = {
  ...contractEffects,
  login: signedInAs,
  // refreshToken (new tokens for the same account) and changePassword (other
  // sessions end) change nothing cached: their contract invalidates nothing.
  logout: signedOut,
  logoutAll: signedOut,

  updateUser: (v, data) => userChanged(v.userId, data),
  replaceUser: (v, data) => userChanged(v.userId, data),
  setUserRole: (v, data) => userChanged(v.userId, data),
  reactivateUser: (v, data) => userChanged(v.userId, data),
  deleteUser: (v) => ({
    remove: [keys.users.detail(v.userId)],
    invalidate: [keys.users.lists(), keys.currentUser(), keys.session()],
  }),

  createProduct: (_v, data) => ({
    set: data ? [[keys.products.detail(data.id), data]] : [],
    invalidate: [keys.products.lists()],
  }),
  updateProduct: (v, data) => productChanged(v.productId, data),
  replaceProduct: (v, data) => productChanged(v.productId, data),
  deleteProduct: (v) => ({ remove: [keys.products.detail(v.productId)], invalidate: [keys.products.lists()] }),

  // Placing an order reserves stock and cancelling returns it: products are stale too.
  createOrder: (_v, data) => ({
    set: data ? [[keys.orders.detail(data.id), data]] : [],
    invalidate: [keys.orders.lists(), keys.products.all()],
  }),
  // The answer is a CancelResult, not the order: refetch the order.
  cancelOrder: (v) => ({ invalidate: [keys.orders.detail(v.orderId), keys.orders.lists(), keys.products.all()] }),
  deleteOrder: (v) => ({ invalidate: [keys.orders.detail(v.orderId), keys.orders.lists(), keys.products.all()] }),
  updateOrderStatus: (v, data) => orderChanged(v.orderId, data),
  replaceOrderStatus: (v, data) => orderChanged(v.orderId, data),

  updateWebhookEndpoint: (v, data) => webhookEndpointChanged(v.endpointId, data),
  deleteWebhookEndpoint: (v) => ({
    remove: [keys.webhookEndpoints.detail(v.endpointId), keys.webhookDeliveries.of(v.endpointId)],
    invalidate: [keys.webhookEndpoints.lists()],
  }),
  // The answer carries the secret: it is not cached, the endpoint is refetched.
  rotateWebhookEndpointSecret: (v) => ({ invalidate: [keys.webhookEndpoints.detail(v.endpointId)] }),
  testWebhookEndpoint: (v) => ({ invalidate: [keys.webhookDeliveries.of(v.endpointId)] }),
  retryWebhookDelivery: (_v, data) => ({
    invalidate: data ? [keys.webhookDeliveries.of(data.endpoint_id)] : [keys.webhookDeliveries.all()],
  }),
};

/**
 * After a failure that says our view of the server is out of date (the
 * resource is gone, in another state, or changed since it was read), the
 * same queries are stale: nothing is removed and nothing set.
 */
export function staleAfterFailure(effects: CacheEffects): CacheEffects {
  return { invalidate: [...(effects.invalidate ?? []), ...(effects.set ?? []).map(([key]) => key)] };
}

/** Runs the effects; resolves once the invalidated active queries have refetched. */
export async function applyEffects(queryClient: QueryClient, effects: CacheEffects): Promise<void> {
  for (const queryKey of effects.remove ?? []) queryClient.removeQueries({ queryKey });
  const stale = [...(effects.invalidate ?? [])];
  for (const [queryKey, value] of effects.set ?? []) {
    if (value === undefined) stale.push(queryKey);
    else queryClient.setQueryData(queryKey, value);
  }
  await Promise.all(stale.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
