// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { Storefront } from '../storefront.js';
import type { OperationId } from '../types.js';
import type { ResourceName } from './resources.js';

type MethodPath = { [R in ResourceName]: `${R}.${Extract<keyof Storefront[R], string>}` }[ResourceName];

/**
 * Which facade method calls each operation of the contract. `satisfies`
 * makes the compiler refuse a missing operation or a method that does not
 * exist (a hand-written one forgotten in sdk/src/resources/).
 */
export const operationMethods = {
  getHealth: 'health.get',
  registerUser: 'auth.register',
  login: 'auth.login',
  refreshToken: 'auth.refresh',
  logout: 'auth.logout',
  logoutAll: 'auth.logoutAll',
  getCurrentUser: 'auth.me',
  changePassword: 'auth.changePassword',
  listUsers: 'users.list',
  createUser: 'users.create',
  getUser: 'users.get',
  replaceUser: 'users.replace',
  deleteUser: 'users.delete',
  updateUser: 'users.update',
  reactivateUser: 'users.reactivate',
  setUserRole: 'users.setRole',
  listProducts: 'products.list',
  createProduct: 'products.create',
  getProduct: 'products.get',
  replaceProduct: 'products.replace',
  deleteProduct: 'products.delete',
  updateProduct: 'products.update',
  listOrders: 'orders.list',
  createOrder: 'orders.create',
  getOrder: 'orders.get',
  deleteOrder: 'orders.delete',
  replaceOrderStatus: 'orders.replaceStatus',
  updateOrderStatus: 'orders.updateStatus',
  cancelOrder: 'orders.cancel',
  listWebhookEndpoints: 'webhooks.listEndpoints',
  createWebhookEndpoint: 'webhooks.createEndpoint',
  getWebhookEndpoint: 'webhooks.getEndpoint',
  deleteWebhookEndpoint: 'webhooks.deleteEndpoint',
  updateWebhookEndpoint: 'webhooks.updateEndpoint',
  rotateWebhookEndpointSecret: 'webhooks.rotateSecret',
  testWebhookEndpoint: 'webhooks.test',
  listWebhookDeliveries: 'webhooks.listDeliveries',
  retryWebhookDelivery: 'webhooks.retryDelivery',
} as const satisfies Record<OperationId, MethodPath>;
