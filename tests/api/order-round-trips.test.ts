// Round trips to the database per order, counted at the driver: every
// message the app sends and waits on (a pg client's query, a PGlite query,
// exec or transaction's BEGIN and COMMIT), so placement and processing cannot
// creep back to a statement per step. Round trips, not CPU, were the cost of
// createOrder (a profile showed 44% socket writes, under 2% our JavaScript).
import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import type { PoolClient } from 'pg';
import type { DatabaseHandle } from '../../server/src/db/connect.js';
import { processOrders } from '../../server/src/orders/order-processing.js';
import { createOrderQueue, type OrderQueue } from '../../server/src/orders/order-queue.js';
import { createProduct } from '../helpers/catalogue.js';
import { appTest } from '../helpers/fixtures.js';
import { placeOrder, waitForOrder } from '../helpers/orders.js';
import { UNROUTED_WEBHOOK_URL, WEBHOOK_FIXTURE_ENV } from '../helpers/webhooks.js';

/** Placement: one statement; two leave room for the session check when the principal cache misses. */
const PLACEMENT_MAX = 2;
/** Processing one order: BEGIN, lock the order and its products, write the outcome and its events, COMMIT. */
const PROCESSING_MAX = 4;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface RoundTrips {
  /** The statements sent since the last reset, one per round trip. */
  readonly sent: string[];
  reset(): void;
}

/** Counts at the driver of `handle`, for the rest of the file. */
function countRoundTrips(handle: DatabaseHandle): RoundTrips {
  const sent: string[] = [];
  const record = (text: unknown) => sent.push(typeof text === 'string' ? text : '(prepared query)');
  const { pool, pglite } = handle;
  if (pool) {
    const counted = new WeakSet<object>();
    const count = (client: PoolClient) => {
      if (counted.has(client)) return client;
      counted.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      Object.assign(client, {
        query: (...args: unknown[]) => {
          const first = args[0];
          record(typeof first === 'object' && first !== null && 'text' in first ? first.text : first);
          return query(...args);
        },
      });
      return client;
    };
    type Done = (err: Error | undefined, client: PoolClient | undefined, release: () => void) => void;
    const connect = pool.connect.bind(pool) as (done?: Done) => Promise<PoolClient> | undefined;
    // Kysely takes clients from connect(), pool.query() through connect(callback).
    Object.assign(pool, {
      connect: (done?: Done) =>
        done ? connect((err, client, release) => done(err, client && count(client), release)) : connect()?.then(count),
    });
  } else if (pglite) {
    const wrap = <T extends { query: unknown; exec: unknown }>(target: T): T => {
      const query = (target.query as (...a: unknown[]) => unknown).bind(target);
      const exec = (target.exec as (...a: unknown[]) => unknown).bind(target);
      Object.assign(target, {
        query: (...a: unknown[]) => {
          record(a[0]);
          return query(...a);
        },
        exec: (...a: unknown[]) => {
          record(a[0]);
          return exec(...a);
        },
      });
      return target;
    };
    wrap(pglite);
    const transaction = pglite.transaction.bind(pglite);
    Object.assign(pglite, {
      transaction: (fn: (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => Promise<unknown>) => {
        record('begin');
        return transaction((tx) => fn(wrap(tx))).finally(() => record('commit'));
      },
    });
  } else throw new Error('No driver to count');
  return { sent, reset: () => sent.splice(0) };
}

// No worker in the app: its polls would be counted with the request.
const test = appTest({ RUN_WORKER: 'false', QUEUE_POLL_SECONDS: '30', ...WEBHOOK_FIXTURE_ENV })
  .extend('trips', { scope: 'file' }, ({ handle }) => countRoundTrips(handle))
  /** The outbox's queue, started as processing would start it (no worker). */
  .extend('queue', { scope: 'file' }, async ({ config, handle }, { onCleanup }): Promise<OrderQueue> => {
    const queue = createOrderQueue({ database: handle, config, work: false, log: quiet });
    await queue.start();
    onCleanup(() => queue.stop());
    return queue;
  })
  /** Places an order as the fixture user and returns it with the statements its placement sent. */
  .extend(
    'placeCounted',
    { scope: 'file' },
    ({ api, queue, trips, user }) =>
      async (items: Array<{ product_id: number; quantity: number }>, key?: string) => {
        void queue; // started before any counted placement, as processing needs it
        trips.reset();
        const order = await placeOrder(api, user.token, items, key ? { 'idempotency-key': key } : {});
        return { order, sent: [...trips.sent] };
      },
  );

describe('round trips per order', () => {
  test(`places an order, with its job and its webhook deliveries, in at most ${PLACEMENT_MAX} round trips`, async ({
    admin,
    api,
    db,
    placeCounted,
    user,
  }) => {
    const [a, b] = [
      await createProduct(api, admin.token, { stock: 50 }),
      await createProduct(api, admin.token, { stock: 50 }),
    ];
    const asAdmin = api.as(admin.token);
    const hook = await asAdmin.POST('/webhook-endpoints', {
      body: { url: UNROUTED_WEBHOOK_URL, events: ['order.created'] },
    });
    expect(hook.response.status).toBe(201);
    await placeOrder(api, user.token, [{ product_id: a.id, quantity: 1 }]); // warms the caches
    const items = [
      { product_id: a.id, quantity: 2 },
      { product_id: b.id, quantity: 1 },
    ];

    const plain = await placeCounted(items);
    expect(plain.sent.length, plain.sent.join('\n---\n')).toBeLessThanOrEqual(PLACEMENT_MAX);
    const keyed = await placeCounted(items, `rt-${Date.now()}`);
    expect(keyed.sent.length, keyed.sent.join('\n---\n')).toBeLessThanOrEqual(PLACEMENT_MAX);

    // Everything the statement wrote is there: items, the job, the event and its delivery with its job.
    const { rows } = await sql<{
      items: number;
      jobs: number;
      events: number;
      deliveries: number;
      delivery_jobs: number;
    }>`
      select
        (select count(*)::int from order_items where order_id = ${keyed.order.id}) as items,
        (select count(*)::int from pgboss.job where name = 'order-processing'
          and (data->>'orderId')::int = ${keyed.order.id}) as jobs,
        (select count(*)::int from webhook_events where type = 'order.created'
          and (payload::json->'data'->>'id')::int = ${keyed.order.id}) as events,
        (select count(*)::int from webhook_deliveries d join webhook_events e on e.id = d.event_id
          where (e.payload::json->'data'->>'id')::int = ${keyed.order.id}) as deliveries,
        (select count(*)::int from pgboss.job j join webhook_deliveries d on (j.data->>'deliveryId')::int = d.id
          join webhook_events e on e.id = d.event_id
          where j.name = 'webhook-delivery' and (e.payload::json->'data'->>'id')::int = ${keyed.order.id}) as delivery_jobs`.execute(
      db,
    );
    expect(rows[0]).toEqual({ items: 2, jobs: 1, events: 1, deliveries: 1, delivery_jobs: 1 });

    // The event carries the order as getOrder shows it.
    const event = await sql<{ payload: string }>`
      select payload from webhook_events where (payload::json->'data'->>'id')::int = ${keyed.order.id}`.execute(db);
    const body = JSON.parse(event.rows[0]?.payload ?? '{}');
    expect(body).toEqual({ type: 'order.created', timestamp: keyed.order.updated_at, data: keyed.order });
    await asAdmin.DELETE('/webhook-endpoints/{endpoint_id}', {
      params: { path: { endpoint_id: hook.data?.id ?? -1 } },
    });
  });

  test(`processes an order in at most ${PROCESSING_MAX} round trips`, async ({
    admin,
    api,
    db,
    placeCounted,
    queue,
    trips,
  }) => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    const { order: first } = await placeCounted([{ product_id: p.id, quantity: 1 }]);
    await processOrders(db, queue.outbox, [first.id]); // reads the delivery queue once per process
    const { order } = await placeCounted([{ product_id: p.id, quantity: 2 }]);
    trips.reset();
    const outcomes = await processOrders(db, queue.outbox, [order.id]);
    const sent = [...trips.sent];
    expect(outcomes.get(order.id)).toBe('completed');
    expect(sent.length, sent.join('\n---\n')).toBeLessThanOrEqual(PROCESSING_MAX);
  });

  test('has pg-boss pick up the job the placement statement wrote and complete the order', async ({
    admin,
    api,
    config,
    db,
    handle,
    placeCounted,
    user,
  }) => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    const { order } = await placeCounted([{ product_id: p.id, quantity: 2 }]);
    const worker = createOrderQueue({ database: handle, config: config, work: true, log: quiet });
    await worker.start();
    try {
      expect((await waitForOrder(api, user.token, order.id)).data.status).toBe('completed');
    } finally {
      await worker.stop();
    }
    const { rows } = await sql<{ state: string }>`
      select state from pgboss.job where name = 'order-processing' and (data->>'orderId')::int = ${order.id}`.execute(
      db,
    );
    expect(rows.map((r) => r.state)).toEqual(['completed']);
  });
});
