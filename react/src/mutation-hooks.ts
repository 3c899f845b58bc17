// What every mutation hook runs: `useMutation` calling the SDK, then the
// cache effects of `invalidation.ts` before the caller's own onSuccess (so
// a list shown next to a "Cancel" button is fresh when it re-renders). The
// hooks themselves, one per write operation, are generated:
// generated/mutation-hooks.ts.
import {
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  type Storefront,
  type StorefrontError,
} from '@storefront/sdk';
import { useStorefront } from './context.js';
import { applyEffects, type CacheEffects, mutationEffects, staleAfterFailure } from './invalidation.js';
import {
  type MutationData,
  type MutationOperationId,
  type MutationVariables,
  mutationRunners,
} from './mutation-runners.js';

export type MutationHookOptions<K extends MutationOperationId, R = unknown> = Omit<
  UseMutationOptions<MutationData<K>, StorefrontError, MutationVariables<K>, R>,
  'mutationFn'
>;

/**
 * The `useMutation` options of one operation: the SDK call, then its cache
 * effects before the caller's own callbacks. A plain function (no hooks), so
 * it also serves `queryClient.setMutationDefaults` and tests.
 */
export function storefrontMutationOptions<K extends MutationOperationId, R = unknown>(
  operationId: K,
  sdk: Storefront,
  queryClient: QueryClient,
  options?: MutationHookOptions<K, R>,
): UseMutationOptions<MutationData<K>, StorefrontError, MutationVariables<K>, R> {
  // TypeScript cannot relate a table entry picked by a generic key to that
  // key's own types (a correlated union), so both lookups are restated.
  const run = mutationRunners[operationId] as unknown as (
    sdk: Storefront,
    variables: MutationVariables<K>,
  ) => PromiseLike<MutationData<K>>;
  const effects = mutationEffects[operationId] as (
    variables: MutationVariables<K>,
    data: MutationData<K> | undefined,
  ) => CacheEffects;
  return {
    mutationKey: ['storefront', operationId],
    ...options,
    mutationFn: async (variables) => run(sdk, variables),
    onSuccess: async (data, variables, ...rest) => {
      await applyEffects(queryClient, effects(variables, data));
      return options?.onSuccess?.(data, variables, ...rest);
    },
    onError: async (error, variables, ...rest) => {
      // The SDK empties the token store even when the logout call fails.
      if (operationId === 'logout' || operationId === 'logoutAll')
        await applyEffects(queryClient, effects(variables, undefined));
      else if (
        error instanceof NotFoundError ||
        error instanceof ConflictError ||
        error instanceof PreconditionFailedError
      )
        await applyEffects(queryClient, staleAfterFailure(effects(variables, undefined)));
      return options?.onError?.(error, variables, ...rest);
    },
  };
}

export function useStorefrontMutation<K extends MutationOperationId, R>(
  operationId: K,
  options: MutationHookOptions<K, R> | undefined,
): UseMutationResult<MutationData<K>, StorefrontError, MutationVariables<K>, R> {
  return useMutation(storefrontMutationOptions(operationId, useStorefront(), useQueryClient(), options));
}
