// Layer 2: the resource-style facade, one method per operationId. The methods
// are generated from the contract (generated/resources.ts); auth and orders
// add hand-written ones (the token store, createAndWait).
import { buildClient, type ClientOptions, type StorefrontClient } from './client.js';
import { generatedResources } from './generated/resources.js';
import { authResource } from './resources/auth.js';
import { ordersResource } from './resources/orders.js';
import type { TokenStore } from './token-stores.js';

export { operationMethods } from './generated/operation-methods.js';
export type { ResourceName } from './generated/resources.js';

export function createStorefront(options: ClientOptions) {
  const parts = buildClient(options);
  return {
    ...generatedResources(parts),
    auth: authResource(parts),
    orders: ordersResource(parts),
    /** Layer 1: the typed openapi-fetch client, sharing tokens, retries and timeouts. */
    client: parts.client as StorefrontClient,
    tokenStore: parts.tokenStore as TokenStore,
  };
}

export type Storefront = ReturnType<typeof createStorefront>;
