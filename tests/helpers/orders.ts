// Order helpers: placing through the API and waiting for background processing.
import type { Order } from '../../sdk/src/index.js';
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

/**
 * Polls getOrder until processing is over (bounded), and returns the order,
 * its response, and its body as sent (for tests of how numbers are written).
 */
export async function waitForOrder(
  api: TestClient,
  token: string,
  id: number,
  timeoutMs = 20_000,
): Promise<{ data: Order; response: Response; text: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data: text, response } = await api
      .as(token)
      .GET('/orders/{order_id}', { params: { path: { order_id: id } }, parseAs: 'text' });
    if (response.status !== 200 || text === undefined) throw new Error(`getOrder ${id}: ${response.status} ${text}`);
    const data = JSON.parse(text) as Order;
    if (data.status !== 'pending' && data.status !== 'processing') return { data, response, text };
    if (Date.now() > deadline) throw new Error(`order ${id} still ${data.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
