// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { Query } from '@storefront/sdk';
import { nestedKeys, resourceKeys, singleKey } from '../key-factories.js';

/** One key group per `x-storefront-sdk.cache` of the contract's reads. */
export const generatedKeys = {
  health: singleKey('health'),
  currentUser: singleKey('currentUser'),
  users: resourceKeys<'users', Query<'listUsers'>>('users'),
  products: resourceKeys<'products', Query<'listProducts'>>('products'),
  orders: resourceKeys<'orders', Query<'listOrders'>>('orders'),
  webhookEndpoints: resourceKeys<'webhookEndpoints', Query<'listWebhookEndpoints'>>('webhookEndpoints'),
  webhookDeliveries: nestedKeys<'webhookDeliveries', Query<'listWebhookDeliveries'>>('webhookDeliveries'),
};
