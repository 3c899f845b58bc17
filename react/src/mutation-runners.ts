// What each mutation hook sends: one facade call per write operation, with
// named variables (`{ orderId }`, `{ productId, body }`) so every hook's
// `mutate()` takes one object. Per-call options (signal, headers, ...) pass
// through to the SDK unchanged; their types are read off the facade.
import type { Body, Storefront } from '@storefront/sdk';

type Sdk = Storefront;
type UserId = Parameters<Sdk['users']['get']>[0];
type ProductId = Parameters<Sdk['products']['get']>[0];
type OrderId = Parameters<Sdk['orders']['get']>[0];
type EndpointId = Parameters<Sdk['webhooks']['getEndpoint']>[0];
type DeliveryId = Parameters<Sdk['webhooks']['retryDelivery']>[0];
type WebhookOptions = Parameters<Sdk['webhooks']['getEndpoint']>[1];

export const mutationRunners = {
  registerUser: (sdk: Sdk, v: { body: Body<'registerUser'>; options?: Parameters<Sdk['auth']['register']>[1] }) =>
    sdk.auth.register(v.body, v.options),
  login: (sdk: Sdk, v: { body: Body<'login'>; options?: Parameters<Sdk['auth']['login']>[1] }) =>
    sdk.auth.login(v.body, v.options),
  /** The SDK refreshes by itself on an expired token; this is for a "keep me signed in" button or a timer. */
  // biome-ignore lint/suspicious/noConfusingVoidType: `void` variables let `mutate()` be called with no argument
  refreshToken: (sdk: Sdk, _v: void) => sdk.auth.refresh(),
  // biome-ignore lint/suspicious/noConfusingVoidType: as above, `mutate()` or `mutate({ options })`
  logout: (sdk: Sdk, v: { options?: Parameters<Sdk['auth']['logout']>[0] } | void) => sdk.auth.logout(v?.options),
  // biome-ignore lint/suspicious/noConfusingVoidType: as above
  logoutAll: (sdk: Sdk, v: { options?: Parameters<Sdk['auth']['logoutAll']>[0] } | void) =>
    sdk.auth.logoutAll(v?.options),
  changePassword: (
    sdk: Sdk,
    v: { body: Body<'changePassword'>; options?: Parameters<Sdk['auth']['changePassword']>[1] },
  ) => sdk.auth.changePassword(v.body, v.options),

  createUser: (sdk: Sdk, v: { body: Body<'createUser'>; options?: Parameters<Sdk['users']['create']>[1] }) =>
    sdk.users.create(v.body, v.options),
  updateUser: (
    sdk: Sdk,
    v: { userId: UserId; body: Body<'updateUser'>; options?: Parameters<Sdk['users']['update']>[2] },
  ) => sdk.users.update(v.userId, v.body, v.options),
  replaceUser: (
    sdk: Sdk,
    v: { userId: UserId; body: Body<'replaceUser'>; options?: Parameters<Sdk['users']['replace']>[2] },
  ) => sdk.users.replace(v.userId, v.body, v.options),
  reactivateUser: (sdk: Sdk, v: { userId: UserId; options?: Parameters<Sdk['users']['reactivate']>[1] }) =>
    sdk.users.reactivate(v.userId, v.options),
  deleteUser: (sdk: Sdk, v: { userId: UserId; options?: Parameters<Sdk['users']['delete']>[1] }) =>
    sdk.users.delete(v.userId, v.options),
  setUserRole: (
    sdk: Sdk,
    v: { userId: UserId; body: Body<'setUserRole'>; options?: Parameters<Sdk['users']['setRole']>[2] },
  ) => sdk.users.setRole(v.userId, v.body, v.options),

  createProduct: (sdk: Sdk, v: { body: Body<'createProduct'>; options?: Parameters<Sdk['products']['create']>[1] }) =>
    sdk.products.create(v.body, v.options),
  updateProduct: (
    sdk: Sdk,
    v: { productId: ProductId; body: Body<'updateProduct'>; options?: Parameters<Sdk['products']['update']>[2] },
  ) => sdk.products.update(v.productId, v.body, v.options),
  replaceProduct: (
    sdk: Sdk,
    v: { productId: ProductId; body: Body<'replaceProduct'>; options?: Parameters<Sdk['products']['replace']>[2] },
  ) => sdk.products.replace(v.productId, v.body, v.options),
  deleteProduct: (sdk: Sdk, v: { productId: ProductId; options?: Parameters<Sdk['products']['delete']>[1] }) =>
    sdk.products.delete(v.productId, v.options),

  /** Sent with an Idempotency-Key (the SDK makes one per call unless `options.idempotencyKey` is given). */
  createOrder: (sdk: Sdk, v: { body: Body<'createOrder'>; options?: Parameters<Sdk['orders']['create']>[1] }) =>
    sdk.orders.create(v.body, v.options),
  cancelOrder: (sdk: Sdk, v: { orderId: OrderId; options?: Parameters<Sdk['orders']['cancel']>[1] }) =>
    sdk.orders.cancel(v.orderId, v.options),
  deleteOrder: (sdk: Sdk, v: { orderId: OrderId; options?: Parameters<Sdk['orders']['delete']>[1] }) =>
    sdk.orders.delete(v.orderId, v.options),
  updateOrderStatus: (
    sdk: Sdk,
    v: { orderId: OrderId; body: Body<'updateOrderStatus'>; options?: Parameters<Sdk['orders']['updateStatus']>[2] },
  ) => sdk.orders.updateStatus(v.orderId, v.body, v.options),
  replaceOrderStatus: (
    sdk: Sdk,
    v: { orderId: OrderId; body: Body<'replaceOrderStatus'>; options?: Parameters<Sdk['orders']['replaceStatus']>[2] },
  ) => sdk.orders.replaceStatus(v.orderId, v.body, v.options),

  createWebhookEndpoint: (sdk: Sdk, v: { body: Body<'createWebhookEndpoint'>; options?: WebhookOptions }) =>
    sdk.webhooks.createEndpoint(v.body, v.options),
  updateWebhookEndpoint: (
    sdk: Sdk,
    v: { endpointId: EndpointId; body: Body<'updateWebhookEndpoint'>; options?: WebhookOptions },
  ) => sdk.webhooks.updateEndpoint(v.endpointId, v.body, v.options),
  deleteWebhookEndpoint: (sdk: Sdk, v: { endpointId: EndpointId; options?: WebhookOptions }) =>
    sdk.webhooks.deleteEndpoint(v.endpointId, v.options),
  rotateWebhookEndpointSecret: (sdk: Sdk, v: { endpointId: EndpointId; options?: WebhookOptions }) =>
    sdk.webhooks.rotateSecret(v.endpointId, v.options),
  testWebhookEndpoint: (sdk: Sdk, v: { endpointId: EndpointId; options?: WebhookOptions }) =>
    sdk.webhooks.test(v.endpointId, v.options),
  retryWebhookDelivery: (sdk: Sdk, v: { deliveryId: DeliveryId; options?: WebhookOptions }) =>
    sdk.webhooks.retryDelivery(v.deliveryId, v.options),
};

export type MutationOperationId = keyof typeof mutationRunners;
export type MutationVariables<K extends MutationOperationId> = Parameters<(typeof mutationRunners)[K]>[1];
export type MutationData<K extends MutationOperationId> = Awaited<ReturnType<(typeof mutationRunners)[K]>>;
