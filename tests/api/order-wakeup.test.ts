// Wake on enqueue: with workers polling only every 30 s, an order placed on an
// idle system is processed at once, because its transaction NOTIFYs and every
// working queue LISTENs. Both the server's in-process worker and a separate
// worker (its own queue and LISTEN connection, as `pnpm worker` has) wake, and
// the worker logs each order with the id of the request that placed it.
import { describe, expect } from 'vitest';
import { createOrderQueue } from '../../server/src/orders/order-queue.js';
import { createProduct } from '../helpers/catalogue.js';
import { appTest } from '../helpers/fixtures.js';
import { placeOrder, waitForOrder } from '../helpers/orders.js';

const SLOW_POLL = { QUEUE_POLL_SECONDS: '30' };
/** Far below the poll interval: only a wake-up can finish the order in time. */
const WITHIN_MS = 10_000;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The server processes orders itself. */
const inProcessTest = appTest(SLOW_POLL);
/** The server only takes orders; a worker of its own processes them. */
const ownWorkerTest = appTest({ ...SLOW_POLL, RUN_WORKER: 'false' });

describe('an idle worker polling every 30 s', () => {
  inProcessTest('processes a new order at once in the same process', async ({ admin, api, user }) => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    // The worker's first poll ran at start; it now sleeps for 30 s.
    for (let i = 0; i < 3; i += 1) {
      const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 1 }]);
      expect((await waitForOrder(api, user.token, order.id, WITHIN_MS)).data.status).toBe('completed');
    }
  });
});

describe('a worker of its own polling every 30 s', () => {
  ownWorkerTest(
    'is woken by an order placed on a server that does not process orders',
    async ({ admin, api, config, handle, user }) => {
      const p = await createProduct(api, admin.token, { stock: 5 });
      const worker = createOrderQueue({ database: handle, config: config, work: true, log: quiet });
      await worker.start();
      try {
        await new Promise((r) => setTimeout(r, 300)); // past its first poll
        for (let i = 0; i < 3; i += 1) {
          const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 1 }]);
          expect((await waitForOrder(api, user.token, order.id, WITHIN_MS)).data.status).toBe('completed');
        }
      } finally {
        await worker.stop();
      }
    },
  );

  ownWorkerTest(
    'logs each processed order with the id of the request that placed it',
    async ({ admin, api, config, handle, user }) => {
      const p = await createProduct(api, admin.token, { stock: 5 });
      const lines: Array<Record<string, unknown>> = [];
      const capture = (obj: object) => void lines.push(obj as Record<string, unknown>);
      const worker = createOrderQueue({
        database: handle,
        config: config,
        work: true,
        log: { info: capture, warn: capture, error: capture },
      });
      await worker.start();
      try {
        const requestId = `place-${p.id}`;
        const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 1 }], {
          'x-request-id': requestId,
        });
        await waitForOrder(api, user.token, order.id, WITHIN_MS);
        expect(lines).toContainEqual({ orderId: order.id, requestId, outcome: 'completed' });
      } finally {
        await worker.stop();
      }
    },
  );
});
