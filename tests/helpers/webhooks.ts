// Webhook fixtures for contract-driven suites (authorization sweeps, fuzzing):
// an endpoint on a documentation address (TEST-NET-1, RFC 5737: public by
// the address rule, routed nowhere) and a ping delivery to it.
import type { LegacyClient } from './client.js';

export const UNROUTED_WEBHOOK_URL = 'http://192.0.2.1/hooks';
/** Attempts to the unrouted address end this fast, so closing the app does not wait long. */
export const WEBHOOK_FIXTURE_ENV = { WEBHOOK_TIMEOUT_MS: '500' };

export async function createWebhookFixtures(api: LegacyClient, adminToken: string) {
  const endpoint = await api.post('/api/v1/webhook-endpoints', {
    token: adminToken,
    body: { url: UNROUTED_WEBHOOK_URL, events: ['order.delivered'] },
  });
  if (endpoint.status !== 201) throw new Error(`createWebhookEndpoint: ${endpoint.status} ${endpoint.text}`);
  const ping = await api.post(`/api/v1/webhook-endpoints/${endpoint.body.id}/test`, { token: adminToken });
  if (ping.status !== 202) throw new Error(`testWebhookEndpoint: ${ping.status} ${ping.text}`);
  return { endpointId: endpoint.body.id as number, deliveryId: ping.body.id as number };
}
