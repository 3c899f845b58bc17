// The options a query hook hands to TanStack: the factory's key and fetch,
// the caller's options around them. Apart from the hooks so that tests can run
// exactly these options through TanStack's observers without React.
import type {
  InfiniteData,
  QueryFunction,
  QueryKey,
  SkipToken,
  UseInfiniteQueryOptions,
  UseQueryOptions,
} from '@tanstack/react-query';
import type { StorefrontError } from '@storefront/sdk';
import { type SdkInfiniteQueryOptions, sdkRetries } from './query-options.js';

/** TanStack's options without the parts the hook provides. */
export type QueryHookOptions<T, S = T> = Omit<UseQueryOptions<T, StorefrontError, S>, 'queryKey' | 'queryFn'>;
export type InfiniteHookOptions<P> = Omit<
  UseInfiniteQueryOptions<P, StorefrontError, InfiniteData<P, number>, readonly unknown[], number>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam'
>;

export interface Built<T> {
  queryKey: QueryKey;
  queryFn?: QueryFunction<T, QueryKey, never> | SkipToken;
}

/**
 * What a query hook hands to `useQuery`: the key and the fetch from the factory (so `select`
 * and friends keep the caller's types), no retries by TanStack unless the caller asks.
 */
export function queryHookOptions<T, S>(
  { queryKey, queryFn }: Built<T>,
  options: QueryHookOptions<T, S> | undefined,
): UseQueryOptions<T, StorefrontError, S> {
  return { ...sdkRetries, ...options, queryKey, queryFn };
}

/** What an infinite hook hands to `useInfiniteQuery`: the factory's options, then the caller's. */
export function infiniteHookOptions<P>(
  built: SdkInfiniteQueryOptions<P>,
  options: InfiniteHookOptions<P> | undefined,
): SdkInfiniteQueryOptions<P> {
  return { ...built, ...options };
}
