// The hooks of the webhook operations (admin): endpoints and their
// deliveries, built like every other hook from the shared query and
// mutation tables.
import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type {
  Query,
  Storefront,
  StorefrontError,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
} from '@storefront/sdk';
import { useStorefront } from './context.js';
import { infiniteHookOptions } from './hook-options.js';
import type { ListFilters } from './keys.js';
import { type MutationHookOptions, useStorefrontMutation } from './mutation-hooks.js';
import type { MutationData, MutationVariables } from './mutation-runners.js';
import { storefrontQueries as q } from './queries.js';
import { type InfiniteHookOptions, type QueryHookOptions, useSdkQuery } from './query-hooks.js';

type EndpointId = Parameters<Storefront['webhooks']['getEndpoint']>[0];

export function useListWebhookEndpoints<S = WebhookEndpointPage>(
  query?: Query<'listWebhookEndpoints'>,
  options?: QueryHookOptions<WebhookEndpointPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listWebhookEndpoints(sdk, query), options);
}
export function useListWebhookEndpointsInfinite(
  filters?: ListFilters<Query<'listWebhookEndpoints'>>,
  options?: InfiniteHookOptions<WebhookEndpointPage>,
): UseInfiniteQueryResult<InfiniteData<WebhookEndpointPage, number>, StorefrontError> {
  return useInfiniteQuery(infiniteHookOptions(q.listWebhookEndpointsInfinite(useStorefront(), filters), options));
}
export function useGetWebhookEndpoint<S = WebhookEndpoint>(
  endpointId: EndpointId,
  options?: QueryHookOptions<WebhookEndpoint, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.getWebhookEndpoint(sdk, endpointId), options);
}
export function useListWebhookDeliveries<S = WebhookDeliveryPage>(
  endpointId: EndpointId,
  query?: Query<'listWebhookDeliveries'>,
  options?: QueryHookOptions<WebhookDeliveryPage, S>,
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.listWebhookDeliveries(sdk, endpointId, query), options);
}
export function useListWebhookDeliveriesInfinite(
  endpointId: EndpointId,
  filters?: ListFilters<Query<'listWebhookDeliveries'>>,
  options?: InfiniteHookOptions<WebhookDeliveryPage>,
): UseInfiniteQueryResult<InfiniteData<WebhookDeliveryPage, number>, StorefrontError> {
  return useInfiniteQuery(
    infiniteHookOptions(q.listWebhookDeliveriesInfinite(useStorefront(), endpointId, filters), options),
  );
}

/** createWebhookEndpoint: the answer carries the secret, shown this once. */
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
/** updateWebhookEndpoint: url, events, description, or `enabled`. */
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
/** deleteWebhookEndpoint. */
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
/** rotateWebhookEndpointSecret: the new secret, shown this once. */
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
/** testWebhookEndpoint: queues a ping. */
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
/** retryWebhookDelivery: one more attempt, same webhook-id. */
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
