// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.

import type { UseMutationResult } from '@tanstack/react-query';
import type { StorefrontError } from '@storefront/sdk';
import { type MutationHookOptions, useStorefrontMutation } from '../mutation-hooks.js';
import type { MutationData, MutationVariables } from '../mutation-runners.js';

/** registerUser: Register a new account */
export function useRegisterUser<R = unknown>(
  options?: MutationHookOptions<'registerUser', R>,
): UseMutationResult<MutationData<'registerUser'>, StorefrontError, MutationVariables<'registerUser'>, R> {
  return useStorefrontMutation('registerUser', options);
}
/** login: Log in and get a token pair */
export function useLogin<R = unknown>(
  options?: MutationHookOptions<'login', R>,
): UseMutationResult<MutationData<'login'>, StorefrontError, MutationVariables<'login'>, R> {
  return useStorefrontMutation('login', options);
}
/** refreshToken: Exchange a refresh token for a new token pair */
export function useRefreshToken<R = unknown>(
  options?: MutationHookOptions<'refreshToken', R>,
): UseMutationResult<MutationData<'refreshToken'>, StorefrontError, MutationVariables<'refreshToken'>, R> {
  return useStorefrontMutation('refreshToken', options);
}
/** logout: End the current session */
export function useLogout<R = unknown>(
  options?: MutationHookOptions<'logout', R>,
): UseMutationResult<MutationData<'logout'>, StorefrontError, MutationVariables<'logout'>, R> {
  return useStorefrontMutation('logout', options);
}
/** logoutAll: End every session of the user (log out everywhere) */
export function useLogoutAll<R = unknown>(
  options?: MutationHookOptions<'logoutAll', R>,
): UseMutationResult<MutationData<'logoutAll'>, StorefrontError, MutationVariables<'logoutAll'>, R> {
  return useStorefrontMutation('logoutAll', options);
}
/** changePassword: Change the password */
export function useChangePassword<R = unknown>(
  options?: MutationHookOptions<'changePassword', R>,
): UseMutationResult<MutationData<'changePassword'>, StorefrontError, MutationVariables<'changePassword'>, R> {
  return useStorefrontMutation('changePassword', options);
}
/** createUser: Create a user */
export function useCreateUser<R = unknown>(
  options?: MutationHookOptions<'createUser', R>,
): UseMutationResult<MutationData<'createUser'>, StorefrontError, MutationVariables<'createUser'>, R> {
  return useStorefrontMutation('createUser', options);
}
/** replaceUser: Update a user (deprecated PUT alias) */
export function useReplaceUser<R = unknown>(
  options?: MutationHookOptions<'replaceUser', R>,
): UseMutationResult<MutationData<'replaceUser'>, StorefrontError, MutationVariables<'replaceUser'>, R> {
  return useStorefrontMutation('replaceUser', options);
}
/** deleteUser: Deactivate a user */
export function useDeleteUser<R = unknown>(
  options?: MutationHookOptions<'deleteUser', R>,
): UseMutationResult<MutationData<'deleteUser'>, StorefrontError, MutationVariables<'deleteUser'>, R> {
  return useStorefrontMutation('deleteUser', options);
}
/** updateUser: Update a user */
export function useUpdateUser<R = unknown>(
  options?: MutationHookOptions<'updateUser', R>,
): UseMutationResult<MutationData<'updateUser'>, StorefrontError, MutationVariables<'updateUser'>, R> {
  return useStorefrontMutation('updateUser', options);
}
/** reactivateUser: Reactivate a user */
export function useReactivateUser<R = unknown>(
  options?: MutationHookOptions<'reactivateUser', R>,
): UseMutationResult<MutationData<'reactivateUser'>, StorefrontError, MutationVariables<'reactivateUser'>, R> {
  return useStorefrontMutation('reactivateUser', options);
}
/** setUserRole: Set a user's role */
export function useSetUserRole<R = unknown>(
  options?: MutationHookOptions<'setUserRole', R>,
): UseMutationResult<MutationData<'setUserRole'>, StorefrontError, MutationVariables<'setUserRole'>, R> {
  return useStorefrontMutation('setUserRole', options);
}
/** createProduct: Create a product */
export function useCreateProduct<R = unknown>(
  options?: MutationHookOptions<'createProduct', R>,
): UseMutationResult<MutationData<'createProduct'>, StorefrontError, MutationVariables<'createProduct'>, R> {
  return useStorefrontMutation('createProduct', options);
}
/** replaceProduct: Update a product (deprecated PUT alias) */
export function useReplaceProduct<R = unknown>(
  options?: MutationHookOptions<'replaceProduct', R>,
): UseMutationResult<MutationData<'replaceProduct'>, StorefrontError, MutationVariables<'replaceProduct'>, R> {
  return useStorefrontMutation('replaceProduct', options);
}
/** deleteProduct: Delete a product */
export function useDeleteProduct<R = unknown>(
  options?: MutationHookOptions<'deleteProduct', R>,
): UseMutationResult<MutationData<'deleteProduct'>, StorefrontError, MutationVariables<'deleteProduct'>, R> {
  return useStorefrontMutation('deleteProduct', options);
}
/** updateProduct: Update a product */
export function useUpdateProduct<R = unknown>(
  options?: MutationHookOptions<'updateProduct', R>,
): UseMutationResult<MutationData<'updateProduct'>, StorefrontError, MutationVariables<'updateProduct'>, R> {
  return useStorefrontMutation('updateProduct', options);
}
/** createOrder: Place an order */
export function useCreateOrder<R = unknown>(
  options?: MutationHookOptions<'createOrder', R>,
): UseMutationResult<MutationData<'createOrder'>, StorefrontError, MutationVariables<'createOrder'>, R> {
  return useStorefrontMutation('createOrder', options);
}
/** deleteOrder: Cancel an order (deprecated DELETE alias) */
export function useDeleteOrder<R = unknown>(
  options?: MutationHookOptions<'deleteOrder', R>,
): UseMutationResult<MutationData<'deleteOrder'>, StorefrontError, MutationVariables<'deleteOrder'>, R> {
  return useStorefrontMutation('deleteOrder', options);
}
/** replaceOrderStatus: Move an order through its lifecycle (deprecated PUT alias) */
export function useReplaceOrderStatus<R = unknown>(
  options?: MutationHookOptions<'replaceOrderStatus', R>,
): UseMutationResult<MutationData<'replaceOrderStatus'>, StorefrontError, MutationVariables<'replaceOrderStatus'>, R> {
  return useStorefrontMutation('replaceOrderStatus', options);
}
/** updateOrderStatus: Move an order through its lifecycle */
export function useUpdateOrderStatus<R = unknown>(
  options?: MutationHookOptions<'updateOrderStatus', R>,
): UseMutationResult<MutationData<'updateOrderStatus'>, StorefrontError, MutationVariables<'updateOrderStatus'>, R> {
  return useStorefrontMutation('updateOrderStatus', options);
}
/** cancelOrder: Cancel an order */
export function useCancelOrder<R = unknown>(
  options?: MutationHookOptions<'cancelOrder', R>,
): UseMutationResult<MutationData<'cancelOrder'>, StorefrontError, MutationVariables<'cancelOrder'>, R> {
  return useStorefrontMutation('cancelOrder', options);
}
/** createWebhookEndpoint: Subscribe an endpoint to order events */
export function useCreateWebhookEndpoint<R = unknown>(
  options?: MutationHookOptions<'createWebhookEndpoint', R>,
): UseMutationResult<
  MutationData<'createWebhookEndpoint'>,
  StorefrontError,
  MutationVariables<'createWebhookEndpoint'>,
  R
> {
  return useStorefrontMutation('createWebhookEndpoint', options);
}
/** deleteWebhookEndpoint: Delete a webhook endpoint */
export function useDeleteWebhookEndpoint<R = unknown>(
  options?: MutationHookOptions<'deleteWebhookEndpoint', R>,
): UseMutationResult<
  MutationData<'deleteWebhookEndpoint'>,
  StorefrontError,
  MutationVariables<'deleteWebhookEndpoint'>,
  R
> {
  return useStorefrontMutation('deleteWebhookEndpoint', options);
}
/** updateWebhookEndpoint: Change, disable or enable a webhook endpoint */
export function useUpdateWebhookEndpoint<R = unknown>(
  options?: MutationHookOptions<'updateWebhookEndpoint', R>,
): UseMutationResult<
  MutationData<'updateWebhookEndpoint'>,
  StorefrontError,
  MutationVariables<'updateWebhookEndpoint'>,
  R
> {
  return useStorefrontMutation('updateWebhookEndpoint', options);
}
/** rotateWebhookEndpointSecret: Rotate an endpoint's signing secret */
export function useRotateWebhookEndpointSecret<R = unknown>(
  options?: MutationHookOptions<'rotateWebhookEndpointSecret', R>,
): UseMutationResult<
  MutationData<'rotateWebhookEndpointSecret'>,
  StorefrontError,
  MutationVariables<'rotateWebhookEndpointSecret'>,
  R
> {
  return useStorefrontMutation('rotateWebhookEndpointSecret', options);
}
/** testWebhookEndpoint: Send a ping event */
export function useTestWebhookEndpoint<R = unknown>(
  options?: MutationHookOptions<'testWebhookEndpoint', R>,
): UseMutationResult<
  MutationData<'testWebhookEndpoint'>,
  StorefrontError,
  MutationVariables<'testWebhookEndpoint'>,
  R
> {
  return useStorefrontMutation('testWebhookEndpoint', options);
}
/** retryWebhookDelivery: Retry a delivery */
export function useRetryWebhookDelivery<R = unknown>(
  options?: MutationHookOptions<'retryWebhookDelivery', R>,
): UseMutationResult<
  MutationData<'retryWebhookDelivery'>,
  StorefrontError,
  MutationVariables<'retryWebhookDelivery'>,
  R
> {
  return useStorefrontMutation('retryWebhookDelivery', options);
}
