// One hook per read operation (and an infinite one per list operation):
// `useGetOrder(id, { refetchInterval })` is `useQuery` with the key, the
// fetch and the SDK's error type filled in; every other TanStack option
// passes through.
import {
  type InfiniteData,
  type QueryFunction,
  type QueryKey,
  type SkipToken,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
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
import { storefrontQueries as q } from './queries.js';

type Sdk = Storefront;
/** TanStack's options without the parts the hook provides. */
export type QueryHookOptions<T, S = T> = Omit<UseQueryOptions<T, StorefrontError, S>, 'queryKey' | 'queryFn'>;
export type InfiniteHookOptions<P> = Omit<
  UseInfiniteQueryOptions<P, StorefrontError, InfiniteData<P, number>, readonly unknown[], number>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

interface Built<T> {
  queryKey: QueryKey;
  queryFn?: QueryFunction<T, QueryKey, never> | SkipToken;
}

/** Only the key and the fetch come from the factory, so `select` and friends keep the caller's types. */
function useSdkQuery<T, S>(
  build: (sdk: Sdk) => Built<T>,
  options: QueryHookOptions<T, S> | undefined,
): UseQueryResult<S, StorefrontError> {
  const { queryKey, queryFn } = build(useStorefront());
  return useQuery<T, StorefrontError, S>({ ...options, queryKey, queryFn });
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
  return useInfiniteQuery({ ...options, ...q.listUsersInfinite(useStorefront(), filters) });
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
  return useInfiniteQuery({ ...options, ...q.listProductsInfinite(useStorefront(), filters) });
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
  return useInfiniteQuery({ ...options, ...q.listOrdersInfinite(useStorefront(), filters) });
}
export function useGetOrder<S = Order>(
  orderId: Parameters<Sdk['orders']['get']>[0],
  options?: QueryHookOptions<Order, S>,
) {
  return useSdkQuery((sdk) => q.getOrder(sdk, orderId), options);
}
