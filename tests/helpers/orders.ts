// Order helpers: placing through the API and waiting for background processing.
import type { LegacyClient } from './client.js';
import type { TestClient } from './test-client.js';

export const ADDRESS = '12 Analytical Row, London NW1 6XE';
export const QUEUE_ENV = { QUEUE_POLL_SECONDS: '0.5', QUEUE_RETRY_DELAY_SECONDS: '1' };

export type Items = Array<{ product_id: number; quantity: number }>;

export async function placeOrder(api: TestClient, token: string, items: Items, headers: Record<string, string> = {}) {
  const { data, error, response } = await api
    .as(token)
    .POST('/orders', { body: { items, shipping_address: ADDRESS }, headers });
  if (!data) throw new Error(`placeOrder failed: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** Polls getOrder until processing is over (bounded), and returns the order. */
export async function waitForOrder(api: LegacyClient, token: string, id: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/api/v1/orders/${id}`, { token });
    if (res.status !== 200) throw new Error(`getOrder ${id}: ${res.status} ${res.text}`);
    if (res.body.status !== 'pending' && res.body.status !== 'processing') return res;
    if (Date.now() > deadline) throw new Error(`order ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
