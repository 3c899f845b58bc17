// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { QueryKey } from '@tanstack/react-query';
import type { MutationOperationId } from '../mutation-runners.js';
import { generatedKeys as keys } from './keys.js';

/**
 * Each write's `x-storefront-sdk.invalidates`: the queries it makes stale
 * (prefixes). invalidation.ts refines some (setting the returned resource,
 * dropping a deleted one) and keeps the rest as they are.
 */
export const invalidatedBy = {
  registerUser: [keys.users.lists()],
  login: [keys.currentUser()],
  refreshToken: [],
  logout: [keys.currentUser()],
  logoutAll: [keys.currentUser()],
  changePassword: [],
  createUser: [keys.users.lists()],
  replaceUser: [keys.users.all(), keys.currentUser()],
  deleteUser: [keys.users.all(), keys.currentUser()],
  updateUser: [keys.users.all(), keys.currentUser()],
  reactivateUser: [keys.users.all(), keys.currentUser()],
  setUserRole: [keys.users.all(), keys.currentUser()],
  createProduct: [keys.products.lists()],
  replaceProduct: [keys.products.all()],
  deleteProduct: [keys.products.all()],
  updateProduct: [keys.products.all()],
  createOrder: [keys.orders.lists(), keys.products.all()],
  deleteOrder: [keys.orders.all(), keys.products.all()],
  replaceOrderStatus: [keys.orders.all()],
  updateOrderStatus: [keys.orders.all()],
  cancelOrder: [keys.orders.all(), keys.products.all()],
  createWebhookEndpoint: [keys.webhookEndpoints.lists()],
  deleteWebhookEndpoint: [keys.webhookEndpoints.all(), keys.webhookDeliveries.all()],
  updateWebhookEndpoint: [keys.webhookEndpoints.all()],
  rotateWebhookEndpointSecret: [keys.webhookEndpoints.details()],
  testWebhookEndpoint: [keys.webhookDeliveries.all()],
  retryWebhookDelivery: [keys.webhookDeliveries.all()],
} satisfies Record<MutationOperationId, QueryKey[]>;
