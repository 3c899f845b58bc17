// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { ConditionalOptions, IdempotentOptions, RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import { randomId } from '../ids.js';
import { paginated } from '../pagination.js';
import type {
  CancelResult,
  Health,
  Message,
  Order,
  OrderPage,
  Product,
  ProductPage,
  User,
  UserPage,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
  WebhookEndpointWithSecret,
} from '../schemas.js';
import type { Body, Data, PathParams, Query } from '../types.js';

/** Every resource of the facade: `sdk.<name>`. */
export type ResourceName = 'health' | 'auth' | 'users' | 'products' | 'orders' | 'webhooks';

/** The generated methods of `sdk.health`. */
export function healthOperations({ client, call }: ClientParts) {
  return {
    /** getHealth: Check service health */
    get: (options?: RequestOptions) => call<Health>(options, (init) => client.GET('/health', init)),
  };
}

/** The generated methods of `sdk.auth`. */
export function authOperations({ client, call }: ClientParts) {
  return {
    /** registerUser: Register a new account */
    register: (body: Body<'registerUser'>, options?: RequestOptions) =>
      call<User>(options, (init) => client.POST('/auth/register', { body, ...init })),
    /** getCurrentUser: Get the authenticated user */
    me: (options?: RequestOptions) => call<User>(options, (init) => client.GET('/auth/me', init)),
    /** changePassword: Change the password */
    changePassword: (body: Body<'changePassword'>, options?: RequestOptions) =>
      call<Message>(options, (init) => client.PUT('/auth/password', { body, ...init })),
  };
}

/** The generated methods of `sdk.users`. */
export function usersOperations({ client, call }: ClientParts) {
  const listPages = paginated(
    (query?: Query<'listUsers'>, options?: RequestOptions) =>
      call<UserPage>(options, (init) => client.GET('/users', { params: { query }, ...init })),
    0,
  );
  return {
    /** listUsers: List users */
    list: listPages.list,
    /** Every item of listUsers, page after page (`.pages()` for whole pages). */
    iterate: listPages.iterate,
    /** createUser: Create a user */
    create: (body: Body<'createUser'>, options?: RequestOptions) =>
      call<User>(options, (init) => client.POST('/users', { body, ...init })),
    /** getUser: Get a user */
    get: (userId: PathParams<'getUser'>['user_id'], options?: RequestOptions) =>
      call<User>(options, (init) => client.GET('/users/{user_id}', { params: { path: { user_id: userId } }, ...init })),
    /** replaceUser: Update a user (deprecated PUT alias) */
    replace: (userId: PathParams<'replaceUser'>['user_id'], body: Body<'replaceUser'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PUT('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init }),
      ),
    /** deleteUser: Deactivate a user */
    delete: (userId: PathParams<'deleteUser'>['user_id'], options?: RequestOptions) =>
      call<Data<'deleteUser'>>(options, (init) =>
        client.DELETE('/users/{user_id}', { params: { path: { user_id: userId } }, ...init }),
      ),
    /** updateUser: Update a user */
    update: (userId: PathParams<'updateUser'>['user_id'], body: Body<'updateUser'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PATCH('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init }),
      ),
    /** reactivateUser: Reactivate a user */
    reactivate: (userId: PathParams<'reactivateUser'>['user_id'], options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.POST('/users/{user_id}/reactivate', { params: { path: { user_id: userId } }, ...init }),
      ),
    /** setUserRole: Set a user's role */
    setRole: (userId: PathParams<'setUserRole'>['user_id'], body: Body<'setUserRole'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PUT('/users/{user_id}/role', { params: { path: { user_id: userId } }, body, ...init }),
      ),
  };
}

/** The generated methods of `sdk.products`. */
export function productsOperations({ client, call }: ClientParts) {
  const listPages = paginated(
    (query?: Query<'listProducts'>, options?: RequestOptions) =>
      call<ProductPage>(options, (init) => client.GET('/products', { params: { query }, ...init })),
    0,
  );
  return {
    /** listProducts: List products */
    list: listPages.list,
    /** Every item of listProducts, page after page (`.pages()` for whole pages). */
    iterate: listPages.iterate,
    /** createProduct: Create a product */
    create: (body: Body<'createProduct'>, options?: RequestOptions) =>
      call<Product>(options, (init) => client.POST('/products', { body, ...init })),
    /** getProduct: Get a product */
    get: (productId: PathParams<'getProduct'>['product_id'], options?: RequestOptions) =>
      call<Product>(options, (init) =>
        client.GET('/products/{product_id}', { params: { path: { product_id: productId } }, ...init }),
      ),
    /** replaceProduct: Update a product (deprecated PUT alias) */
    replace: (
      productId: PathParams<'replaceProduct'>['product_id'],
      body: Body<'replaceProduct'>,
      options?: ConditionalOptions,
    ) =>
      call<Product>(options, (init) =>
        client.PUT('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init }),
      ),
    /** deleteProduct: Delete a product */
    delete: (productId: PathParams<'deleteProduct'>['product_id'], options?: RequestOptions) =>
      call<Data<'deleteProduct'>>(options, (init) =>
        client.DELETE('/products/{product_id}', { params: { path: { product_id: productId } }, ...init }),
      ),
    /** updateProduct: Update a product */
    update: (
      productId: PathParams<'updateProduct'>['product_id'],
      body: Body<'updateProduct'>,
      options?: ConditionalOptions,
    ) =>
      call<Product>(options, (init) =>
        client.PATCH('/products/{product_id}', { params: { path: { product_id: productId } }, body, ...init }),
      ),
  };
}

/** The generated methods of `sdk.orders`. */
export function ordersOperations({ client, call }: ClientParts) {
  const listPages = paginated(
    (query?: Query<'listOrders'>, options?: RequestOptions) =>
      call<OrderPage>(options, (init) => client.GET('/orders', { params: { query }, ...init })),
    0,
  );
  return {
    /** listOrders: List orders */
    list: listPages.list,
    /** Every item of listOrders, page after page (`.pages()` for whole pages). */
    iterate: listPages.iterate,
    /** createOrder: Place an order */
    create: (body: Body<'createOrder'>, options?: IdempotentOptions) =>
      call<Order>({ ...options, idempotencyKey: options?.idempotencyKey ?? randomId() }, (init) =>
        client.POST('/orders', { body, ...init }),
      ),
    /** getOrder: Get an order */
    get: (orderId: PathParams<'getOrder'>['order_id'], options?: RequestOptions) =>
      call<Order>(options, (init) =>
        client.GET('/orders/{order_id}', { params: { path: { order_id: orderId } }, ...init }),
      ),
    /** deleteOrder: Cancel an order (deprecated DELETE alias) */
    delete: (orderId: PathParams<'deleteOrder'>['order_id'], options?: RequestOptions) =>
      call<Data<'deleteOrder'>>(options, (init) =>
        client.DELETE('/orders/{order_id}', { params: { path: { order_id: orderId } }, ...init }),
      ),
    /** replaceOrderStatus: Move an order through its lifecycle (deprecated PUT alias) */
    replaceStatus: (
      orderId: PathParams<'replaceOrderStatus'>['order_id'],
      body: Body<'replaceOrderStatus'>,
      options?: ConditionalOptions,
    ) =>
      call<Order>(options, (init) =>
        client.PUT('/orders/{order_id}/status', { params: { path: { order_id: orderId } }, body, ...init }),
      ),
    /** updateOrderStatus: Move an order through its lifecycle */
    updateStatus: (
      orderId: PathParams<'updateOrderStatus'>['order_id'],
      body: Body<'updateOrderStatus'>,
      options?: ConditionalOptions,
    ) =>
      call<Order>(options, (init) =>
        client.PATCH('/orders/{order_id}/status', { params: { path: { order_id: orderId } }, body, ...init }),
      ),
    /** cancelOrder: Cancel an order */
    cancel: (orderId: PathParams<'cancelOrder'>['order_id'], options?: RequestOptions) =>
      call<CancelResult>(options, (init) =>
        client.POST('/orders/{order_id}/cancel', { params: { path: { order_id: orderId } }, ...init }),
      ),
  };
}

/** The generated methods of `sdk.webhooks`. */
export function webhooksOperations({ client, call }: ClientParts) {
  const listEndpointsPages = paginated(
    (query?: Query<'listWebhookEndpoints'>, options?: RequestOptions) =>
      call<WebhookEndpointPage>(options, (init) => client.GET('/webhook-endpoints', { params: { query }, ...init })),
    0,
  );
  const listDeliveriesPages = paginated(
    (
      endpointId: PathParams<'listWebhookDeliveries'>['endpoint_id'],
      query?: Query<'listWebhookDeliveries'>,
      options?: RequestOptions,
    ) =>
      call<WebhookDeliveryPage>(options, (init) =>
        client.GET('/webhook-endpoints/{endpoint_id}/deliveries', {
          params: { path: { endpoint_id: endpointId }, query },
          ...init,
        }),
      ),
    1,
  );
  return {
    /** listWebhookEndpoints: List webhook endpoints */
    listEndpoints: listEndpointsPages.list,
    /** Every item of listWebhookEndpoints, page after page (`.pages()` for whole pages). */
    iterateEndpoints: listEndpointsPages.iterate,
    /** createWebhookEndpoint: Subscribe an endpoint to order events */
    createEndpoint: (body: Body<'createWebhookEndpoint'>, options?: RequestOptions) =>
      call<WebhookEndpointWithSecret>(options, (init) => client.POST('/webhook-endpoints', { body, ...init })),
    /** getWebhookEndpoint: Get a webhook endpoint */
    getEndpoint: (endpointId: PathParams<'getWebhookEndpoint'>['endpoint_id'], options?: RequestOptions) =>
      call<WebhookEndpoint>(options, (init) =>
        client.GET('/webhook-endpoints/{endpoint_id}', { params: { path: { endpoint_id: endpointId } }, ...init }),
      ),
    /** deleteWebhookEndpoint: Delete a webhook endpoint */
    deleteEndpoint: (endpointId: PathParams<'deleteWebhookEndpoint'>['endpoint_id'], options?: RequestOptions) =>
      call<Data<'deleteWebhookEndpoint'>>(options, (init) =>
        client.DELETE('/webhook-endpoints/{endpoint_id}', { params: { path: { endpoint_id: endpointId } }, ...init }),
      ),
    /** updateWebhookEndpoint: Change, disable or enable a webhook endpoint */
    updateEndpoint: (
      endpointId: PathParams<'updateWebhookEndpoint'>['endpoint_id'],
      body: Body<'updateWebhookEndpoint'>,
      options?: RequestOptions,
    ) =>
      call<WebhookEndpoint>(options, (init) =>
        client.PATCH('/webhook-endpoints/{endpoint_id}', {
          params: { path: { endpoint_id: endpointId } },
          body,
          ...init,
        }),
      ),
    /** rotateWebhookEndpointSecret: Rotate an endpoint's signing secret */
    rotateSecret: (endpointId: PathParams<'rotateWebhookEndpointSecret'>['endpoint_id'], options?: RequestOptions) =>
      call<WebhookEndpointWithSecret>(options, (init) =>
        client.POST('/webhook-endpoints/{endpoint_id}/rotate-secret', {
          params: { path: { endpoint_id: endpointId } },
          ...init,
        }),
      ),
    /** testWebhookEndpoint: Send a ping event */
    test: (endpointId: PathParams<'testWebhookEndpoint'>['endpoint_id'], options?: RequestOptions) =>
      call<WebhookDelivery>(options, (init) =>
        client.POST('/webhook-endpoints/{endpoint_id}/test', {
          params: { path: { endpoint_id: endpointId } },
          ...init,
        }),
      ),
    /** listWebhookDeliveries: List an endpoint's deliveries */
    listDeliveries: listDeliveriesPages.list,
    /** Every item of listWebhookDeliveries, page after page (`.pages()` for whole pages). */
    iterateDeliveries: listDeliveriesPages.iterate,
    /** retryWebhookDelivery: Retry a delivery */
    retryDelivery: (deliveryId: PathParams<'retryWebhookDelivery'>['delivery_id'], options?: RequestOptions) =>
      call<WebhookDelivery>(options, (init) =>
        client.POST('/webhook-deliveries/{delivery_id}/retry', {
          params: { path: { delivery_id: deliveryId } },
          ...init,
        }),
      ),
  };
}

/**
 * The resources made of generated methods only. The others (auth) add
 * hand-written methods in sdk/src/resources/ and are composed in storefront.ts.
 */
export function generatedResources(parts: ClientParts) {
  return {
    health: healthOperations(parts),
    users: usersOperations(parts),
    products: productsOperations(parts),
    orders: ordersOperations(parts),
    webhooks: webhooksOperations(parts),
  };
}
