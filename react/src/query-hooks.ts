// One hook per read operation (and an infinite one per list operation):
// `useGetOrder(id, { refetchInterval })` is `useQuery` with the key, the
// fetch and the SDK's error type filled in; every other TanStack option
// passes through.
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  Health,
  Order,
  OrderPage,
  Product,
  ProductPage,
  User,
  UserPage,
  Query,
  Storefront,
  StorefrontError,
} from '@storefront/sdk';
import { useStorefront } from './context.js';
import type { ListFilters } from './keys.js';
import {
  type Built,
  type InfiniteHookOptions,
  infiniteHookOptions,
  type QueryHookOptions,
  queryHookOptions,
} from './hook-options.js';
import { storefrontQueries as q } from './queries.js';

type Sdk = Storefront;
export type { InfiniteHookOptions, QueryHookOptions } from './hook-options.js';

export function useSdkQuery<T, S>(
  build: (sdk: Sdk) => Built<T>,
  options: QueryHookOptions<T, S> | undefined,
): UseQueryResult<S, StorefrontError> {
  return useQuery<T, StorefrontError, S>(queryHookOptions(build(useStorefront()), options));
}

export function useGetHealth<S = Health>(options?: QueryHookOptions<Health, S>) {
  return useSdkQuery((sdk) => q.getHealth(sdk), options);
}
export function useGetCurrentUser<S = User>(options?: QueryHookOptions<User, S>) {
  return useSdkQuery((sdk) => q.getCurrentUser(sdk), options);
}

export function useListUsers<S = UserPage>(query?: Query<'listUsers'>, options?: QueryHookOptions<UserPage, S>) {
  return useSdkQuery((sdk) => q.listUsers(sdk, query), options);
}
export function useListUsersInfinite(
  filters?: ListFilters<Query<'listUsers'>>,
  options?: InfiniteHookOptions<UserPage>,
): UseInfiniteQueryResult<InfiniteData<UserPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listUsersInfinite(useStorefront(), filters), options));
}
export function useGetUser<S = User>(userId: Parameters<Sdk['users']['get']>[0], options?: QueryHookOptions<User, S>) {
  return useSdkQuery((sdk) => q.getUser(sdk, userId), options);
}

export function useListProducts<S = ProductPage>(
  query?: Query<'listProducts'>,
  options?: QueryHookOptions<ProductPage, S>,
) {
  return useSdkQuery((sdk) => q.listProducts(sdk, query), options);
}
export function useListProductsInfinite(
  filters?: ListFilters<Query<'listProducts'>>,
  options?: InfiniteHookOptions<ProductPage>,
): UseInfiniteQueryResult<InfiniteData<ProductPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listProductsInfinite(useStorefront(), filters), options));
}
export function useGetProduct<S = Product>(
  productId: Parameters<Sdk['products']['get']>[0],
  options?: QueryHookOptions<Product, S>,
) {
  return useSdkQuery((sdk) => q.getProduct(sdk, productId), options);
}

export function useListOrders<S = OrderPage>(query?: Query<'listOrders'>, options?: QueryHookOptions<OrderPage, S>) {
  return useSdkQuery((sdk) => q.listOrders(sdk, query), options);
}
export function useListOrdersInfinite(
  filters?: ListFilters<Query<'listOrders'>>,
  options?: InfiniteHookOptions<OrderPage>,
): UseInfiniteQueryResult<InfiniteData<OrderPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listOrdersInfinite(useStorefront(), filters), options));
}
export function useGetOrder<S = Order>(
  orderId: Parameters<Sdk['orders']['get']>[0],
  options?: QueryHookOptions<Order, S>,
) {
  return useSdkQuery((sdk) => q.getOrder(sdk, orderId), options);
}
