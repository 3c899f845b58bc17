// What every query hook runs: `useQuery` with the key, the fetch and the
// SDK's error type filled in; every other TanStack option passes through.
// The hooks themselves, one per read operation (and an infinite one per
// paginated list), are generated: generated/query-hooks.ts.
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Storefront, StorefrontError } from '@storefront/sdk';
import { useStorefront } from './context.js';
import { type Built, type QueryHookOptions, queryHookOptions } from './hook-options.js';

export type { InfiniteHookOptions, QueryHookOptions } from './hook-options.js';

export function useSdkQuery<T, S>(
  build: (sdk: Storefront) => Built<T>,
  options: QueryHookOptions<T, S> | undefined,
): UseQueryResult<S, StorefrontError> {
  return useQuery<T, StorefrontError, S>(queryHookOptions(build(useStorefront()), options));
}
