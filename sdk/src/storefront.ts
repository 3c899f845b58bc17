// Layer 2: the resource-style facade, one method per operationId.
import { buildClient, type ClientOptions, type StorefrontClient } from './client.js';
import type { TokenStore } from './token-stores.js';
import type { OperationId } from './types.js';
import { authResource } from './resources/auth.js';
import { healthResource } from './resources/health.js';
import { ordersResource } from './resources/orders.js';
import { productsResource } from './resources/products.js';
import { usersResource } from './resources/users.js';
import { webhooksResource } from './resources/webhooks.js';

export function createStorefront(options: ClientOptions) {
  const parts = buildClient(options);
  return {
    auth: authResource(parts),
    users: usersResource(parts),
    products: productsResource(parts),
    orders: ordersResource(parts),
    health: healthResource(parts),
    webhooks: webhooksResource(parts),
    /** Layer 1: the typed openapi-fetch client, sharing tokens, retries and timeouts. */
    client: parts.client as StorefrontClient,
    tokenStore: parts.tokenStore as TokenStore,
  };
}

export type Storefront = ReturnType<typeof createStorefront>;

type ResourceName = 'auth' | 'users' | 'products' | 'orders' | 'health' | 'webhooks';
type MethodPath = { [R in ResourceName]: `${R}.${Extract<keyof Storefront[R], string>}` }[ResourceName];

/**
 * Which facade method calls each operation of the contract. `satisfies`
 * makes the compiler refuse a missing operation or a method that does not
 * exist; a test checks the same against openapi.yaml at run time.
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
  updateUser: 'users.update',
  replaceUser: 'users.replace',
  deleteUser: 'users.delete',
  reactivateUser: 'users.reactivate',
  setUserRole: 'users.setRole',
  listProducts: 'products.list',
  createProduct: 'products.create',
  getProduct: 'products.get',
  updateProduct: 'products.update',
  replaceProduct: 'products.replace',
  deleteProduct: 'products.delete',
  listOrders: 'orders.list',
  createOrder: 'orders.create',
  getOrder: 'orders.get',
  deleteOrder: 'orders.delete',
  updateOrderStatus: 'orders.updateStatus',
  replaceOrderStatus: 'orders.replaceStatus',
  cancelOrder: 'orders.cancel',
  listWebhookEndpoints: 'webhooks.listEndpoints',
  createWebhookEndpoint: 'webhooks.createEndpoint',
  getWebhookEndpoint: 'webhooks.getEndpoint',
  updateWebhookEndpoint: 'webhooks.updateEndpoint',
  deleteWebhookEndpoint: 'webhooks.deleteEndpoint',
  rotateWebhookEndpointSecret: 'webhooks.rotateSecret',
  testWebhookEndpoint: 'webhooks.test',
  listWebhookDeliveries: 'webhooks.listDeliveries',
  retryWebhookDelivery: 'webhooks.retryDelivery',
} as const satisfies Record<OperationId, MethodPath>;
