// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
  type UseQueryResult,
} from '@tanstack/react-query';
import type {
  Health,
  Order,
  OrderPage,
  PathParams,
  Product,
  ProductPage,
  Query,
  StorefrontError,
  User,
  UserPage,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
} from '@storefront/sdk';
import { useStorefront } from '../context.js';
import { type InfiniteHookOptions, infiniteHookOptions } from '../hook-options.js';
import type { ListFilters } from '../key-factories.js';
import { storefrontQueries as q } from '../queries.js';
import { type QueryHookOptions, useSdkQuery } from '../query-hooks.js';

/** getHealth: Check service health */
export function useGetHealth<S = Health>(options?: QueryHookOptions<Health, S>): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getHealth(sdk), options);
}
/** getCurrentUser: Get the authenticated user */
export function useGetCurrentUser<S = User>(options?: QueryHookOptions<User, S>): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getCurrentUser(sdk), options);
}
/** listUsers: List users */
export function useListUsers<S = UserPage>(
  query?: Query<'listUsers'>,
  options?: QueryHookOptions<UserPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listUsers(sdk, query), options);
}
/** listUsers, every page: `fetchNextPage()` loads the next one. */
export function useListUsersInfinite(
  filters?: ListFilters<Query<'listUsers'>>,
  options?: InfiniteHookOptions<UserPage>,
): UseInfiniteQueryResult<InfiniteData<UserPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listUsersInfinite(useStorefront(), filters), options));
}
/** getUser: Get a user */
export function useGetUser<S = User>(
  userId: PathParams<'getUser'>['user_id'],
  options?: QueryHookOptions<User, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getUser(sdk, userId), options);
}
/** listProducts: List products */
export function useListProducts<S = ProductPage>(
  query?: Query<'listProducts'>,
  options?: QueryHookOptions<ProductPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listProducts(sdk, query), options);
}
/** listProducts, every page: `fetchNextPage()` loads the next one. */
export function useListProductsInfinite(
  filters?: ListFilters<Query<'listProducts'>>,
  options?: InfiniteHookOptions<ProductPage>,
): UseInfiniteQueryResult<InfiniteData<ProductPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listProductsInfinite(useStorefront(), filters), options));
}
/** getProduct: Get a product */
export function useGetProduct<S = Product>(
  productId: PathParams<'getProduct'>['product_id'],
  options?: QueryHookOptions<Product, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getProduct(sdk, productId), options);
}
/** listOrders: List orders */
export function useListOrders<S = OrderPage>(
  query?: Query<'listOrders'>,
  options?: QueryHookOptions<OrderPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listOrders(sdk, query), options);
}
/** listOrders, every page: `fetchNextPage()` loads the next one. */
export function useListOrdersInfinite(
  filters?: ListFilters<Query<'listOrders'>>,
  options?: InfiniteHookOptions<OrderPage>,
): UseInfiniteQueryResult<InfiniteData<OrderPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listOrdersInfinite(useStorefront(), filters), options));
}
/** getOrder: Get an order */
export function useGetOrder<S = Order>(
  orderId: PathParams<'getOrder'>['order_id'],
  options?: QueryHookOptions<Order, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getOrder(sdk, orderId), options);
}
/** listWebhookEndpoints: List webhook endpoints */
export function useListWebhookEndpoints<S = WebhookEndpointPage>(
  query?: Query<'listWebhookEndpoints'>,
  options?: QueryHookOptions<WebhookEndpointPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listWebhookEndpoints(sdk, query), options);
}
/** listWebhookEndpoints, every page: `fetchNextPage()` loads the next one. */
export function useListWebhookEndpointsInfinite(
  filters?: ListFilters<Query<'listWebhookEndpoints'>>,
  options?: InfiniteHookOptions<WebhookEndpointPage>,
): UseInfiniteQueryResult<InfiniteData<WebhookEndpointPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listWebhookEndpointsInfinite(useStorefront(), filters), options));
}
/** getWebhookEndpoint: Get a webhook endpoint */
export function useGetWebhookEndpoint<S = WebhookEndpoint>(
  endpointId: PathParams<'getWebhookEndpoint'>['endpoint_id'],
  options?: QueryHookOptions<WebhookEndpoint, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getWebhookEndpoint(sdk, endpointId), options);
}
/** listWebhookDeliveries: List an endpoint's deliveries */
export function useListWebhookDeliveries<S = WebhookDeliveryPage>(
  endpointId: PathParams<'listWebhookDeliveries'>['endpoint_id'],
  query?: Query<'listWebhookDeliveries'>,
  options?: QueryHookOptions<WebhookDeliveryPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listWebhookDeliveries(sdk, endpointId, query), options);
}
/** listWebhookDeliveries, every page: `fetchNextPage()` loads the next one. */
export function useListWebhookDeliveriesInfinite(
  endpointId: PathParams<'listWebhookDeliveries'>['endpoint_id'],
  filters?: ListFilters<Query<'listWebhookDeliveries'>>,
  options?: InfiniteHookOptions<WebhookDeliveryPage>,
): UseInfiniteQueryResult<InfiniteData<WebhookDeliveryPage, number>, StorefrontError> {
  return useInfiniteQuery(
    infiniteHookOptions(q.listWebhookDeliveriesInfinite(useStorefront(), endpointId, filters), options),
  );
}
