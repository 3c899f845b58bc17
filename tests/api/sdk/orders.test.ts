// Orders through the SDK: the automatic Idempotency-Key makes createOrder
// safe to retry, and createAndWait polls until processing is done.
import { describe, expect } from 'vitest';
import { BadRequestError, ConflictError, type Storefront } from '../../../sdk/src/index.js';
import { recordingFetch, liveServerTest, type LiveServer } from '../../helpers/live-server.js';

const test = liveServerTest();
let admin: Storefront;
let productId: number;
test.beforeAll(async ({ server }) => {
  ({ sdk: admin } = await server.signedIn({ admin: true }));
  productId = (await admin.products.create({ name: 'Mechanical keyboard', price: 89.9, stock: 1000 })).id;
});

const customer = async (server: LiveServer, options: Parameters<LiveServer['sdk']>[0] = {}) =>
  (await server.signedIn(options)).sdk;

const body = () => ({ items: [{ product_id: productId, quantity: 1 }], shipping_address: '12 Analytical Row, London' });

describe('sdk.orders', () => {
  test('retries createOrder whose response was lost, with the same Idempotency-Key: one order', async ({ server }) => {
    const rec = recordingFetch();
    const keys: (string | null)[] = [];
    let dropped = false;
    // The server takes the order, but the connection dies before the answer arrives.
    const sdk = await customer(server, {
      retry: { initialDelayMs: 10 },
      fetch: async (request) => {
        if (request.method === 'POST' && request.url.endsWith('/orders'))
          keys.push(request.headers.get('idempotency-key'));
        const response = await rec.fetch(request);
        if (!dropped && request.method === 'POST' && request.url.endsWith('/orders')) {
          dropped = true;
          throw new TypeError('fetch failed: socket hang up');
        }
        return response;
      },
    });
    const order = await sdk.orders.create(body());
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(rec.calls.filter((c) => c.path === '/orders').map((c) => c.status)).toEqual([201, 201]);
    const mine = await sdk.orders.list();
    expect(mine.items.map((o) => o.id)).toEqual([order.id]);
  });

  test('sends the caller-chosen Idempotency-Key; reusing it with another body is ConflictError', async ({ server }) => {
    const sdk = await customer(server);
    const key = `order-${Date.now()}`;
    const first = await sdk.orders.create(body(), { idempotencyKey: key });
    const again = await sdk.orders.create(body(), { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    await expect(
      sdk.orders.create({ ...body(), shipping_address: 'elsewhere' }, { idempotencyKey: key }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  test('createAndWait returns the order once processing finished', async ({ server }) => {
    const sdk = await customer(server);
    const order = await sdk.orders.createAndWait(body(), { timeoutMs: 20_000 });
    expect(order.status).toBe('completed');
    expect(order.total_amount).toBe(89.9);
    expect(order.items[0]).toMatchObject({
      product_id: productId,
      product_name: 'Mechanical keyboard',
      unit_price: 89.9,
    });
    expect(order.requestId).toBeTruthy();
  });

  test('createAndWait reports a failed order (not enough stock) as its final state', async ({ server }) => {
    const scarce = await admin.products.create({ name: 'Rare lamp', price: 5, stock: 1 });
    const sdk = await customer(server);
    const order = await sdk.orders.createAndWait(
      { items: [{ product_id: scarce.id, quantity: 2 }], shipping_address: 'x street 1' },
      { timeoutMs: 20_000 },
    );
    expect(order.status).toBe('failed');
    expect(order.failure_reason).toBeTruthy();
  });

  test('an unknown product is BadRequestError', async ({ server }) => {
    const sdk = await customer(server);
    await expect(
      sdk.orders.create({ items: [{ product_id: 2_000_000_000, quantity: 1 }], shipping_address: 'x street 1' }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  test('cancel, get, updateStatus and the deprecated aliases', async ({ server }) => {
    const sdk = await customer(server);
    const done = await sdk.orders.createAndWait(body(), { timeoutMs: 20_000 });
    const shipped = await admin.orders.updateStatus(done.id, { status: 'shipped' });
    expect(shipped.status).toBe('shipped');
    await expect(sdk.orders.cancel(done.id)).rejects.toBeInstanceOf(ConflictError);
    const delivered = await admin.orders.replaceStatus(done.id, { status: 'delivered' });
    expect(delivered.status).toBe('delivered');

    const other = await sdk.orders.createAndWait(body(), { timeoutMs: 20_000 });
    const cancelled = await sdk.orders.cancel(other.id);
    expect(cancelled.order_id).toBe(other.id);
    expect((await sdk.orders.get(other.id)).status).toBe('cancelled');

    const third = await sdk.orders.create(body());
    const removed = await sdk.orders.delete(third.id);
    expect(removed.requestId).toBeTruthy();
    expect((await sdk.orders.get(third.id)).status).toBe('cancelled');
  });
});
