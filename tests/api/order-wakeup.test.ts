// Wake on enqueue: with workers polling only every 30 s, an order placed on an
// idle system is processed at once, because its transaction NOTIFYs and every
// working queue LISTENs. Both the server's in-process worker and a separate
// worker (its own queue and LISTEN connection, as `pnpm worker` has) wake, and
// the worker logs each order with the id of the request that placed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrderQueue } from '../../server/src/orders/order-queue.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createAdmin, registerUser, type TestUser } from '../helpers/factories.js';
import { placeOrder, waitForOrder } from '../helpers/orders.js';

const SLOW_POLL = { QUEUE_POLL_SECONDS: '30' };
/** Far below the poll interval: only a wake-up can finish the order in time. */
const WITHIN_MS = 10_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('an idle worker polling every 30 s', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp(SLOW_POLL);
    admin = await createAdmin(t.api, t.database.handle.db);
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  it('processes a new order at once in the same process', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 5 });
    // The worker's first poll ran at start; it now sleeps for 30 s.
    for (let i = 0; i < 3; i += 1) {
      const order = await placeOrder(t.api, user.token, [{ product_id: p.id, quantity: 1 }]);
      expect((await waitForOrder(t.api, user.token, order.id, WITHIN_MS)).body.status).toBe('completed');
    }
  });
});

describe('a worker of its own polling every 30 s', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp({ ...SLOW_POLL, RUN_WORKER: 'false' });
    admin = await createAdmin(t.api, t.database.handle.db);
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  it('is woken by an order placed on a server that does not process orders', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 5 });
    const worker = createOrderQueue({ database: t.database.handle, config: t.config, work: true, log: quiet });
    await worker.start();
    try {
      await new Promise((r) => setTimeout(r, 300)); // past its first poll
      for (let i = 0; i < 3; i += 1) {
        const order = await placeOrder(t.api, user.token, [{ product_id: p.id, quantity: 1 }]);
        expect((await waitForOrder(t.api, user.token, order.id, WITHIN_MS)).body.status).toBe('completed');
      }
    } finally {
      await worker.stop();
    }
  });

  it('logs each processed order with the id of the request that placed it', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 5 });
    const lines: Array<Record<string, unknown>> = [];
    const capture = (obj: object) => void lines.push(obj as Record<string, unknown>);
    const worker = createOrderQueue({
      database: t.database.handle,
      config: t.config,
      work: true,
      log: { info: capture, warn: capture, error: capture },
    });
    await worker.start();
    try {
      const requestId = `place-${p.id}`;
      const order = await placeOrder(t.api, user.token, [{ product_id: p.id, quantity: 1 }], {
        'x-request-id': requestId,
      });
      await waitForOrder(t.api, user.token, order.id, WITHIN_MS);
      expect(lines).toContainEqual({ orderId: order.id, requestId, outcome: 'completed' });
    } finally {
      await worker.stop();
    }
  });
});
