import type { RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import { PageIterator } from '../pagination.js';
import type {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointPage,
  WebhookEndpointWithSecret,
} from '../schemas.js';
import type { Body, Data, PathParams, Query } from '../types.js';

type EndpointId = PathParams<'getWebhookEndpoint'>['endpoint_id'];
type DeliveryId = PathParams<'retryWebhookDelivery'>['delivery_id'];

/** Webhook endpoints and their deliveries (admin). Verifying what they receive: `verifyWebhook`. */
export function webhooksResource({ client, call }: ClientParts) {
  const listEndpoints = (query?: Query<'listWebhookEndpoints'>, options?: RequestOptions) =>
    call<WebhookEndpointPage>(options, (init) => client.GET('/webhook-endpoints', { params: { query }, ...init }));
  const listDeliveries = (endpointId: EndpointId, query?: Query<'listWebhookDeliveries'>, options?: RequestOptions) =>
    call<WebhookDeliveryPage>(options, (init) =>
      client.GET('/webhook-endpoints/{endpoint_id}/deliveries', {
        params: { path: { endpoint_id: endpointId }, query },
        ...init,
      }),
    );
  const path = (endpointId: EndpointId) => ({ params: { path: { endpoint_id: endpointId } } });
  return {
    /** listWebhookEndpoints: one page. */
    listEndpoints,
    /** Every endpoint, page by page. */
    iterateEndpoints: (query?: Omit<Query<'listWebhookEndpoints'>, 'page'>, options?: RequestOptions) =>
      new PageIterator((page) => listEndpoints({ ...query, page }, options)),
    /** createWebhookEndpoint: the answer carries the secret, shown this once. */
    createEndpoint: (body: Body<'createWebhookEndpoint'>, options?: RequestOptions) =>
      call<WebhookEndpointWithSecret>(options, (init) => client.POST('/webhook-endpoints', { body, ...init })),
    /** getWebhookEndpoint. */
    getEndpoint: (endpointId: EndpointId, options?: RequestOptions) =>
      call<WebhookEndpoint>(options, (init) =>
        client.GET('/webhook-endpoints/{endpoint_id}', { ...path(endpointId), ...init }),
      ),
    /** updateWebhookEndpoint: url, events, description, or `enabled`. */
    updateEndpoint: (endpointId: EndpointId, body: Body<'updateWebhookEndpoint'>, options?: RequestOptions) =>
      call<WebhookEndpoint>(options, (init) =>
        client.PATCH('/webhook-endpoints/{endpoint_id}', { ...path(endpointId), body, ...init }),
      ),
    /** deleteWebhookEndpoint. */
    deleteEndpoint: (endpointId: EndpointId, options?: RequestOptions) =>
      call<Data<'deleteWebhookEndpoint'>>(options, (init) =>
        client.DELETE('/webhook-endpoints/{endpoint_id}', { ...path(endpointId), ...init }),
      ),
    /** rotateWebhookEndpointSecret: the new secret; the old one signs beside it for 24 h. */
    rotateSecret: (endpointId: EndpointId, options?: RequestOptions) =>
      call<WebhookEndpointWithSecret>(options, (init) =>
        client.POST('/webhook-endpoints/{endpoint_id}/rotate-secret', { ...path(endpointId), ...init }),
      ),
    /** testWebhookEndpoint: queues a ping. */
    test: (endpointId: EndpointId, options?: RequestOptions) =>
      call<WebhookDelivery>(options, (init) =>
        client.POST('/webhook-endpoints/{endpoint_id}/test', { ...path(endpointId), ...init }),
      ),
    /** listWebhookDeliveries: one page. */
    listDeliveries,
    /** Every delivery of an endpoint, page by page. */
    iterateDeliveries: (
      endpointId: EndpointId,
      query?: Omit<Query<'listWebhookDeliveries'>, 'page'>,
      options?: RequestOptions,
    ) => new PageIterator((page) => listDeliveries(endpointId, { ...query, page }, options)),
    /** retryWebhookDelivery: one more attempt now, same webhook-id. */
    retryDelivery: (deliveryId: DeliveryId, options?: RequestOptions) =>
      call<WebhookDelivery>(options, (init) =>
        client.POST('/webhook-deliveries/{delivery_id}/retry', {
          params: { path: { delivery_id: deliveryId } },
          ...init,
        }),
      ),
  };
}
