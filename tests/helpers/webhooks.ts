// Webhook fixtures for contract-driven suites (authorization sweeps, fuzzing):
// an endpoint on a documentation address (TEST-NET-1, RFC 5737: public by
// the address rule, routed nowhere) and a ping delivery to it.
import type { TestClient } from './test-client.js';

export const UNROUTED_WEBHOOK_URL = 'http://192.0.2.1/hooks';
/** Attempts to the unrouted address end this fast, so closing the app does not wait long. */
export const WEBHOOK_FIXTURE_ENV = { WEBHOOK_TIMEOUT_MS: '500' };

export async function createWebhookFixtures(api: TestClient, adminToken: string) {
  const asAdmin = api.as(adminToken);
  const endpoint = await asAdmin.POST('/webhook-endpoints', {
    body: { url: UNROUTED_WEBHOOK_URL, events: ['order.delivered'] },
  });
  if (!endpoint.data)
    throw new Error(`createWebhookEndpoint: ${endpoint.response.status} ${JSON.stringify(endpoint.error)}`);
  const ping = await asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', {
    params: { path: { endpoint_id: endpoint.data.id } },
  });
  if (!ping.data) throw new Error(`testWebhookEndpoint: ${ping.response.status} ${JSON.stringify(ping.error)}`);
  return { endpointId: endpoint.data.id, deliveryId: ping.data.id };
}
