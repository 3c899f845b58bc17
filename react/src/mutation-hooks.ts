// One hook per write operation: `useMutation` calling the SDK, then the
// cache effects of `invalidation.ts` before the caller's own onSuccess (so
// a list shown next to a "Cancel" button is fresh when it re-renders).
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

type Options<K extends MutationOperationId, R> = MutationHookOptions<K, R>;

/** registerUser: creates an account; does not sign in. */
export function useRegisterUser<R = unknown>(options?: Options<'registerUser', R>) {
  return useStorefrontMutation('registerUser', options);
}
/** login: signs in; the previous account's cached data is dropped. Prefer `useAuth().login`. */
export function useLogin<R = unknown>(options?: Options<'login', R>) {
  return useStorefrontMutation('login', options);
}
/** refreshToken: a new token pair now (the SDK also refreshes by itself). */
export function useRefreshToken<R = unknown>(options?: Options<'refreshToken', R>) {
  return useStorefrontMutation('refreshToken', options);
}
/** logout: ends the session; the session query becomes null even if the call fails. */
export function useLogout<R = unknown>(options?: Options<'logout', R>) {
  return useStorefrontMutation('logout', options);
}

/** logoutAll: ends every session of the account (log out everywhere); signed out here as with useLogout. */
export function useLogoutAll<R = unknown>(options?: Options<'logoutAll', R>) {
  return useStorefrontMutation('logoutAll', options);
}
/** changePassword: other sessions end, this one stays. */
export function useChangePassword<R = unknown>(options?: Options<'changePassword', R>) {
  return useStorefrontMutation('changePassword', options);
}

/** createUser (admin). */
export function useCreateUser<R = unknown>(options?: Options<'createUser', R>) {
  return useStorefrontMutation('createUser', options);
}
/** updateUser: partial update. */
export function useUpdateUser<R = unknown>(options?: Options<'updateUser', R>) {
  return useStorefrontMutation('updateUser', options);
}
/** replaceUser (deprecated PUT alias of updateUser). */
export function useReplaceUser<R = unknown>(options?: Options<'replaceUser', R>) {
  return useStorefrontMutation('replaceUser', options);
}
/** reactivateUser (admin): undo deleteUser. */
export function useReactivateUser<R = unknown>(options?: Options<'reactivateUser', R>) {
  return useStorefrontMutation('reactivateUser', options);
}

/** deleteUser. */
export function useDeleteUser<R = unknown>(options?: Options<'deleteUser', R>) {
  return useStorefrontMutation('deleteUser', options);
}
/** setUserRole (admin). */
export function useSetUserRole<R = unknown>(options?: Options<'setUserRole', R>) {
  return useStorefrontMutation('setUserRole', options);
}

/** createProduct (admin). */
export function useCreateProduct<R = unknown>(options?: Options<'createProduct', R>) {
  return useStorefrontMutation('createProduct', options);
}
/** updateProduct (admin): partial update; `options.ifMatch` refuses to overwrite a newer version (412). */
export function useUpdateProduct<R = unknown>(options?: Options<'updateProduct', R>) {
  return useStorefrontMutation('updateProduct', options);
}
/** replaceProduct (deprecated PUT alias of updateProduct). */
export function useReplaceProduct<R = unknown>(options?: Options<'replaceProduct', R>) {
  return useStorefrontMutation('replaceProduct', options);
}
/** deleteProduct (admin). */
export function useDeleteProduct<R = unknown>(options?: Options<'deleteProduct', R>) {
  return useStorefrontMutation('deleteProduct', options);
}

/** createOrder: accepted as `pending`; watch it complete with `useGetOrder`. */
export function useCreateOrder<R = unknown>(options?: Options<'createOrder', R>) {
  return useStorefrontMutation('createOrder', options);
}
/** cancelOrder: from pending, processing or completed (its stock is returned). */
export function useCancelOrder<R = unknown>(options?: Options<'cancelOrder', R>) {
  return useStorefrontMutation('cancelOrder', options);
}
/** deleteOrder (deprecated DELETE alias of cancelOrder). */
export function useDeleteOrder<R = unknown>(options?: Options<'deleteOrder', R>) {
  return useStorefrontMutation('deleteOrder', options);
}
/** updateOrderStatus (admin). */
export function useUpdateOrderStatus<R = unknown>(options?: Options<'updateOrderStatus', R>) {
  return useStorefrontMutation('updateOrderStatus', options);
}
/** replaceOrderStatus (deprecated PUT alias of updateOrderStatus). */
export function useReplaceOrderStatus<R = unknown>(options?: Options<'replaceOrderStatus', R>) {
  return useStorefrontMutation('replaceOrderStatus', options);
}
