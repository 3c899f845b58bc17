// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { Body, PathParams, Storefront } from '@storefront/sdk';

type Sdk = Storefront;

/**
 * What each mutation hook sends: one facade call per write operation, with
 * named variables (`{ orderId }`, `{ productId, body }`) so every hook's
 * `mutate()` takes one object. Per-call options pass through to the SDK.
 */
export const generatedRunners = {
  registerUser: (sdk: Sdk, v: { body: Body<'registerUser'>; options?: Parameters<Sdk['auth']['register']>[1] }) =>
    sdk.auth.register(v.body, v.options),
  login: (sdk: Sdk, v: { body: Body<'login'>; options?: Parameters<Sdk['auth']['login']>[1] }) =>
    sdk.auth.login(v.body, v.options),
  logout: (sdk: Sdk, v: { options?: Parameters<Sdk['auth']['logout']>[0] } | void) => sdk.auth.logout(v?.options),
  logoutAll: (sdk: Sdk, v: { options?: Parameters<Sdk['auth']['logoutAll']>[0] } | void) =>
    sdk.auth.logoutAll(v?.options),
  changePassword: (
    sdk: Sdk,
    v: { body: Body<'changePassword'>; options?: Parameters<Sdk['auth']['changePassword']>[1] },
  ) => sdk.auth.changePassword(v.body, v.options),
  createUser: (sdk: Sdk, v: { body: Body<'createUser'>; options?: Parameters<Sdk['users']['create']>[1] }) =>
    sdk.users.create(v.body, v.options),
  replaceUser: (
    sdk: Sdk,
    v: {
      userId: PathParams<'replaceUser'>['user_id'];
      body: Body<'replaceUser'>;
      options?: Parameters<Sdk['users']['replace']>[2];
    },
  ) => sdk.users.replace(v.userId, v.body, v.options),
  deleteUser: (
    sdk: Sdk,
    v: { userId: PathParams<'deleteUser'>['user_id']; options?: Parameters<Sdk['users']['delete']>[1] },
  ) => sdk.users.delete(v.userId, v.options),
  updateUser: (
    sdk: Sdk,
    v: {
      userId: PathParams<'updateUser'>['user_id'];
      body: Body<'updateUser'>;
      options?: Parameters<Sdk['users']['update']>[2];
    },
  ) => sdk.users.update(v.userId, v.body, v.options),
  reactivateUser: (
    sdk: Sdk,
    v: { userId: PathParams<'reactivateUser'>['user_id']; options?: Parameters<Sdk['users']['reactivate']>[1] },
  ) => sdk.users.reactivate(v.userId, v.options),
  setUserRole: (
    sdk: Sdk,
    v: {
      userId: PathParams<'setUserRole'>['user_id'];
      body: Body<'setUserRole'>;
      options?: Parameters<Sdk['users']['setRole']>[2];
    },
  ) => sdk.users.setRole(v.userId, v.body, v.options),
  createProduct: (sdk: Sdk, v: { body: Body<'createProduct'>; options?: Parameters<Sdk['products']['create']>[1] }) =>
    sdk.products.create(v.body, v.options),
  replaceProduct: (
    sdk: Sdk,
    v: {
      productId: PathParams<'replaceProduct'>['product_id'];
      body: Body<'replaceProduct'>;
      options?: Parameters<Sdk['products']['replace']>[2];
    },
  ) => sdk.products.replace(v.productId, v.body, v.options),
  deleteProduct: (
    sdk: Sdk,
    v: { productId: PathParams<'deleteProduct'>['product_id']; options?: Parameters<Sdk['products']['delete']>[1] },
  ) => sdk.products.delete(v.productId, v.options),
  updateProduct: (
    sdk: Sdk,
    v: {
      productId: PathParams<'updateProduct'>['product_id'];
      body: Body<'updateProduct'>;
      options?: Parameters<Sdk['products']['update']>[2];
    },
  ) => sdk.products.update(v.productId, v.body, v.options),
  createOrder: (sdk: Sdk, v: { body: Body<'createOrder'>; options?: Parameters<Sdk['orders']['create']>[1] }) =>
    sdk.orders.create(v.body, v.options),
  deleteOrder: (
    sdk: Sdk,
    v: { orderId: PathParams<'deleteOrder'>['order_id']; options?: Parameters<Sdk['orders']['delete']>[1] },
  ) => sdk.orders.delete(v.orderId, v.options),
  replaceOrderStatus: (
    sdk: Sdk,
    v: {
      orderId: PathParams<'replaceOrderStatus'>['order_id'];
      body: Body<'replaceOrderStatus'>;
      options?: Parameters<Sdk['orders']['replaceStatus']>[2];
    },
  ) => sdk.orders.replaceStatus(v.orderId, v.body, v.options),
  updateOrderStatus: (
    sdk: Sdk,
    v: {
      orderId: PathParams<'updateOrderStatus'>['order_id'];
      body: Body<'updateOrderStatus'>;
      options?: Parameters<Sdk['orders']['updateStatus']>[2];
    },
  ) => sdk.orders.updateStatus(v.orderId, v.body, v.options),
  cancelOrder: (
    sdk: Sdk,
    v: { orderId: PathParams<'cancelOrder'>['order_id']; options?: Parameters<Sdk['orders']['cancel']>[1] },
  ) => sdk.orders.cancel(v.orderId, v.options),
  createWebhookEndpoint: (
    sdk: Sdk,
    v: { body: Body<'createWebhookEndpoint'>; options?: Parameters<Sdk['webhooks']['createEndpoint']>[1] },
  ) => sdk.webhooks.createEndpoint(v.body, v.options),
  deleteWebhookEndpoint: (
    sdk: Sdk,
    v: {
      endpointId: PathParams<'deleteWebhookEndpoint'>['endpoint_id'];
      options?: Parameters<Sdk['webhooks']['deleteEndpoint']>[1];
    },
  ) => sdk.webhooks.deleteEndpoint(v.endpointId, v.options),
  updateWebhookEndpoint: (
    sdk: Sdk,
    v: {
      endpointId: PathParams<'updateWebhookEndpoint'>['endpoint_id'];
      body: Body<'updateWebhookEndpoint'>;
      options?: Parameters<Sdk['webhooks']['updateEndpoint']>[2];
    },
  ) => sdk.webhooks.updateEndpoint(v.endpointId, v.body, v.options),
  rotateWebhookEndpointSecret: (
    sdk: Sdk,
    v: {
      endpointId: PathParams<'rotateWebhookEndpointSecret'>['endpoint_id'];
      options?: Parameters<Sdk['webhooks']['rotateSecret']>[1];
    },
  ) => sdk.webhooks.rotateSecret(v.endpointId, v.options),
  testWebhookEndpoint: (
    sdk: Sdk,
    v: {
      endpointId: PathParams<'testWebhookEndpoint'>['endpoint_id'];
      options?: Parameters<Sdk['webhooks']['test']>[1];
    },
  ) => sdk.webhooks.test(v.endpointId, v.options),
  retryWebhookDelivery: (
    sdk: Sdk,
    v: {
      deliveryId: PathParams<'retryWebhookDelivery'>['delivery_id'];
      options?: Parameters<Sdk['webhooks']['retryDelivery']>[1];
    },
  ) => sdk.webhooks.retryDelivery(v.deliveryId, v.options),
};
