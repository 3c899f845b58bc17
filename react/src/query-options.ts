// How a read becomes TanStack query options: the SDK's error type, TanStack's
// abort signal passed to the SDK (a query dropped by an unmounted component
// stops its request), and no retries on top of the SDK's own. The generated
// query options (generated/queries.ts) are built with these.
import {
  type DataTag,
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
  type UseInfiniteQueryOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { StorefrontError } from '@storefront/sdk';

/** Options for useQuery and friends, with the key tagged by its data and error types (for getQueryData). */
export type SdkQueryOptions<T> = UseQueryOptions<T, StorefrontError, T, QueryKey> & {
  queryKey: DataTag<QueryKey, T, StorefrontError>;
};
export type SdkInfiniteQueryOptions<P> = UseInfiniteQueryOptions<
  P,
  StorefrontError,
  InfiniteData<P, number>,
  QueryKey,
  number
> & { queryKey: DataTag<QueryKey, InfiniteData<P>, StorefrontError> };

/**
 * TanStack retries a failed query 3 times by default. The SDK has retried
 * already what can succeed on a second try (429, 502-504, network errors and
 * attempt timeouts, with backoff and Retry-After, `maxRetries`), so what
 * reaches a query is final: a 4xx says the same the next time, and retrying a
 * transient failure again would multiply the SDK's attempts (3 x 4 requests).
 * A caller's own `retry` option still wins.
 */
export const sdkRetries = { retry: false } as const;

export function query<T>(queryKey: QueryKey, fetch: (signal: AbortSignal) => PromiseLike<T>): SdkQueryOptions<T> {
  return queryOptions<T, StorefrontError, T, QueryKey>({
    ...sdkRetries,
    queryKey,
    queryFn: async ({ signal }) => fetch(signal),
  });
}

interface PageOf<Item> {
  items: Item[];
  page: number;
  has_next: boolean;
}

export function infinite<P extends PageOf<unknown>>(
  queryKey: QueryKey,
  fetch: (page: number, signal: AbortSignal) => PromiseLike<P>,
): SdkInfiniteQueryOptions<P> {
  return infiniteQueryOptions<P, StorefrontError, InfiniteData<P, number>, QueryKey, number>({
    ...sdkRetries,
    queryKey,
    queryFn: async ({ pageParam, signal }) => fetch(pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.has_next && last.items.length > 0 ? last.page + 1 : undefined),
  });
}
