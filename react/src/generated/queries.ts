// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type {
  Health,
  Order,
  OrderPage,
  PathParams,
  Product,
  ProductPage,
  Query,
  Storefront,
  User,
  UserPage,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
} from '@storefront/sdk';
import type { ListFilters } from '../key-factories.js';
import { infinite, query } from '../query-options.js';
import { generatedKeys as keys } from './keys.js';

type Sdk = Storefront;

/** Query options per read operation (and an `…Infinite` one per paginated list). */
export const generatedQueries = {
  getHealth: (sdk: Sdk) => query(keys.health(), (signal): PromiseLike<Health> => sdk.health.get({ signal })),
  getCurrentUser: (sdk: Sdk) => query(keys.currentUser(), (signal): PromiseLike<User> => sdk.auth.me({ signal })),
  listUsers: (sdk: Sdk, q: Query<'listUsers'> = {}) =>
    query(keys.users.list(q), (signal): PromiseLike<UserPage> => sdk.users.list(q, { signal })),
  listUsersInfinite: (sdk: Sdk, filters: ListFilters<Query<'listUsers'>> = {}) =>
    infinite(
      keys.users.infinite(filters),
      (page, signal): PromiseLike<UserPage> => sdk.users.list({ ...filters, page }, { signal }),
    ),
  getUser: (sdk: Sdk, userId: PathParams<'getUser'>['user_id']) =>
    query(keys.users.detail(userId), (signal): PromiseLike<User> => sdk.users.get(userId, { signal })),
  listProducts: (sdk: Sdk, q: Query<'listProducts'> = {}) =>
    query(keys.products.list(q), (signal): PromiseLike<ProductPage> => sdk.products.list(q, { signal })),
  listProductsInfinite: (sdk: Sdk, filters: ListFilters<Query<'listProducts'>> = {}) =>
    infinite(
      keys.products.infinite(filters),
      (page, signal): PromiseLike<ProductPage> => sdk.products.list({ ...filters, page }, { signal }),
    ),
  getProduct: (sdk: Sdk, productId: PathParams<'getProduct'>['product_id']) =>
    query(keys.products.detail(productId), (signal): PromiseLike<Product> => sdk.products.get(productId, { signal })),
  listOrders: (sdk: Sdk, q: Query<'listOrders'> = {}) =>
    query(keys.orders.list(q), (signal): PromiseLike<OrderPage> => sdk.orders.list(q, { signal })),
  listOrdersInfinite: (sdk: Sdk, filters: ListFilters<Query<'listOrders'>> = {}) =>
    infinite(
      keys.orders.infinite(filters),
      (page, signal): PromiseLike<OrderPage> => sdk.orders.list({ ...filters, page }, { signal }),
    ),
  getOrder: (sdk: Sdk, orderId: PathParams<'getOrder'>['order_id']) =>
    query(keys.orders.detail(orderId), (signal): PromiseLike<Order> => sdk.orders.get(orderId, { signal })),
  listWebhookEndpoints: (sdk: Sdk, q: Query<'listWebhookEndpoints'> = {}) =>
    query(
      keys.webhookEndpoints.list(q),
      (signal): PromiseLike<WebhookEndpointPage> => sdk.webhooks.listEndpoints(q, { signal }),
    ),
  listWebhookEndpointsInfinite: (sdk: Sdk, filters: ListFilters<Query<'listWebhookEndpoints'>> = {}) =>
    infinite(
      keys.webhookEndpoints.infinite(filters),
      (page, signal): PromiseLike<WebhookEndpointPage> => sdk.webhooks.listEndpoints({ ...filters, page }, { signal }),
    ),
  getWebhookEndpoint: (sdk: Sdk, endpointId: PathParams<'getWebhookEndpoint'>['endpoint_id']) =>
    query(
      keys.webhookEndpoints.detail(endpointId),
      (signal): PromiseLike<WebhookEndpoint> => sdk.webhooks.getEndpoint(endpointId, { signal }),
    ),
  listWebhookDeliveries: (
    sdk: Sdk,
    endpointId: PathParams<'listWebhookDeliveries'>['endpoint_id'],
    q: Query<'listWebhookDeliveries'> = {},
  ) =>
    query(
      keys.webhookDeliveries.list(endpointId, q),
      (signal): PromiseLike<WebhookDeliveryPage> => sdk.webhooks.listDeliveries(endpointId, q, { signal }),
    ),
  listWebhookDeliveriesInfinite: (
    sdk: Sdk,
    endpointId: PathParams<'listWebhookDeliveries'>['endpoint_id'],
    filters: ListFilters<Query<'listWebhookDeliveries'>> = {},
  ) =>
    infinite(
      keys.webhookDeliveries.infinite(endpointId, filters),
      (page, signal): PromiseLike<WebhookDeliveryPage> =>
        sdk.webhooks.listDeliveries(endpointId, { ...filters, page }, { signal }),
    ),
};
