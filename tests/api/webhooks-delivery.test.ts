// Webhook delivery end to end: the app with its in-process worker, a real
// receiver on loopback (allowed by WEBHOOK_ALLOW_PRIVATE_NETWORKS) that
// verifies every request with the `standardwebhooks` library, as a
// receiver that knows only its secret would.
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { describe, expect, onTestFinished } from 'vitest';
import { createProduct } from '../helpers/catalogue.js';
import { appTest } from '../helpers/fixtures.js';
import type { TestClient } from '../helpers/test-client.js';
import type { WebhookEventType } from '../../sdk/src/index.js';
import { checkWebhookEvent } from '../helpers/contract.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';
import { type ReceivedRequest, startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { createWebhookQueue } from '../../server/src/webhooks/webhook-queue.js';

const ALL_EVENTS = [
  'order.created',
  'order.completed',
  'order.failed',
  'order.cancelled',
  'order.shipped',
  'order.delivered',
] as const;

const test = appTest({
  ...QUEUE_ENV,
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_RETRY_DELAY_SECONDS: '0.2',
  WEBHOOK_RETRY_MAX_DELAY_SECONDS: '1',
  WEBHOOK_TIMEOUT_MS: '300',
  WEBHOOK_MAX_ATTEMPTS: '30',
}).extend(
  'receiverWithEndpoint',
  { scope: 'file' },
  /** A receiver of its own and an endpoint subscribing it to `events`; the receivers close after the file. */
  ({ admin, api }, { onCleanup }) => {
    const receivers: WebhookReceiver[] = [];
    onCleanup(async () => {
      for (const r of receivers) await r.close();
    });
    return async (events: readonly WebhookEventType[] = ALL_EVENTS) => {
      const receiver = await startReceiver();
      receivers.push(receiver);
      const { data: endpoint, response } = await api.as(admin.token).POST('/webhook-endpoints', {
        body: { url: receiver.url, events: [...events], description: 'test receiver' },
      });
      expect(response.status).toBe(201);
      if (!endpoint) throw new Error('createWebhookEndpoint returned no endpoint');
      return { receiver, endpoint };
    };
  },
);

const orderPath = (order_id: number) => ({ params: { path: { order_id } } });
const endpointPath = (endpoint_id: number) => ({ params: { path: { endpoint_id } } });

/** The endpoint's deliveries, newest first, as an admin sees them. */
async function deliveriesOf(api: TestClient, adminToken: string, endpoint_id: number) {
  return (
    (await api.as(adminToken).GET('/webhook-endpoints/{endpoint_id}/deliveries', endpointPath(endpoint_id))).data
      ?.items ?? []
  );
}

/** Disables the endpoint: no further attempts to it. */
async function disable(api: TestClient, adminToken: string, endpoint_id: number) {
  await api
    .as(adminToken)
    .PATCH('/webhook-endpoints/{endpoint_id}', { ...endpointPath(endpoint_id), body: { enabled: false } });
}

/** Verifies the signature as a receiver does, and checks the body against the contract. */
function verified(secret: string, request: ReceivedRequest) {
  const event = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
    type: string;
    data: { id: number; status: string };
  };
  expect(checkWebhookEvent(request.body)).toEqual([]);
  return event;
}

const forOrder = (id: number, type: string) => (r: ReceivedRequest) => {
  const body = JSON.parse(r.body) as { type: string; data: { id?: number } };
  return body.type === type && body.data.id === id;
};

describe('order events', () => {
  test('delivers order.created and order.completed for an order placed, and order.cancelled for a cancel, each verified', async ({
    admin,
    api,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint();
    const product = await createProduct(api, admin.token, { stock: 5 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    const completed = await waitForOrder(api, user.token, order.id);
    expect(completed.data.status).toBe('completed');
    expect((await api.as(user.token).POST('/orders/{order_id}/cancel', orderPath(order.id))).response.status).toBe(200);

    for (const type of ['order.created', 'order.completed', 'order.cancelled']) {
      const [request] = await receiver.waitFor(1, forOrder(order.id, type));
      const event = verified(endpoint.secret, request as ReceivedRequest);
      expect(event.type).toBe(type);
    }
    // data is the order exactly as getOrder returned it at that moment.
    const [done] = await receiver.waitFor(1, forOrder(order.id, 'order.completed'));
    expect(JSON.parse((done as ReceivedRequest).body).data).toEqual(completed.data);
  });

  test('delivers order.failed, order.shipped and order.delivered', async ({
    admin,
    api,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint();
    const scarce = await createProduct(api, admin.token, { stock: 0 });
    const failing = await placeOrder(api, user.token, [{ product_id: scarce.id, quantity: 1 }]);
    const product = await createProduct(api, admin.token, { stock: 5 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await waitForOrder(api, user.token, order.id);
    for (const status of ['shipped', 'delivered'] as const) {
      const { response } = await api
        .as(admin.token)
        .PATCH('/orders/{order_id}/status', { ...orderPath(order.id), body: { status } });
      expect(response.status).toBe(200);
    }
    const [failed] = await receiver.waitFor(1, forOrder(failing.id, 'order.failed'));
    expect(verified(endpoint.secret, failed as ReceivedRequest).data.status).toBe('failed');
    for (const type of ['order.shipped', 'order.delivered']) {
      const [request] = await receiver.waitFor(1, forOrder(order.id, type));
      expect(verified(endpoint.secret, request as ReceivedRequest).type).toBe(type);
    }
  });

  test('sends only the events an endpoint subscribed to', async ({ admin, api, receiverWithEndpoint, user }) => {
    const { receiver } = await receiverWithEndpoint(['order.cancelled']);
    const product = await createProduct(api, admin.token, { stock: 5 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await waitForOrder(api, user.token, order.id);
    await api.as(user.token).POST('/orders/{order_id}/cancel', orderPath(order.id));
    await receiver.waitFor(1, forOrder(order.id, 'order.cancelled'));
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['order.cancelled']);
  });
});

describe('delivery that loses nothing', () => {
  test('delivers every event announced during an outage once it ends, each under one webhook-id', async ({
    admin,
    api,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint(['order.created', 'order.completed']);
    receiver.respond((res) => res.writeHead(503).end('down for maintenance'));
    const product = await createProduct(api, admin.token, { stock: 10 });
    const orders = [];
    for (let i = 0; i < 3; i++)
      orders.push(await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]));
    for (const o of orders) await waitForOrder(api, user.token, o.id);
    await receiver.waitFor(9); // several failed attempts per event
    receiver.respond((res) => res.writeHead(200).end());
    await expect
      .poll(
        async () => (await deliveriesOf(api, admin.token, endpoint.id)).filter((d) => d.status === 'delivered').length,
        { timeout: 45_000, interval: 200 },
      )
      .toBe(6);
    // Every event's attempts, failed and successful, carry one webhook-id: six events, six ids.
    const delivered = new Map<string, string>(); // webhook-id -> type:order
    for (const request of receiver.received) {
      const event = verified(endpoint.secret, request);
      const key = `${event.type}:${event.data.id}`;
      const id = request.headers['webhook-id'] as string;
      expect(delivered.get(id) ?? key).toBe(key);
      delivered.set(id, key);
    }
    expect(new Set(delivered.values()).size).toBe(6);
    expect(delivered.size).toBe(6);
  }, 60_000);

  test('disables an endpoint that answers 410, saying why', async ({ admin, api, receiverWithEndpoint, user }) => {
    const { receiver, endpoint } = await receiverWithEndpoint(['order.created']);
    receiver.respond((res) => res.writeHead(410).end());
    const product = await createProduct(api, admin.token, { stock: 5 });
    await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await receiver.waitFor(1);
    await expect
      .poll(
        async () => (await api.as(admin.token).GET('/webhook-endpoints/{endpoint_id}', endpointPath(endpoint.id))).data,
        { timeout: 10_000, interval: 100 },
      )
      .toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('410') });
    const deliveries = await deliveriesOf(api, admin.token, endpoint.id);
    expect(deliveries[0]).toMatchObject({ status: 'failed', last_status_code: 410, attempts: 1 });
  });

  test('gives up on a slow receiver after the timeout and retries', async ({
    admin,
    api,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint(['order.created']);
    receiver.respond((res) => setTimeout(() => res.writeHead(200).end(), 2_000));
    const product = await createProduct(api, admin.token, { stock: 5 });
    await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await receiver.waitFor(2);
    const deliveries = await deliveriesOf(api, admin.token, endpoint.id);
    expect(deliveries[0]).toMatchObject({ status: 'pending', last_status_code: null });
    expect(deliveries[0]?.last_error).toMatch(/no answer within 300 ms/);
    await disable(api, admin.token, endpoint.id);
  });

  test('does not follow a redirect (to an internal address or anywhere): the attempt failed', async ({
    admin,
    api,
    receiverWithEndpoint,
    user,
  }) => {
    const inside = await startReceiver();
    onTestFinished(() => inside.close());
    const { receiver, endpoint } = await receiverWithEndpoint(['order.created']);
    receiver.respond((res) => res.writeHead(302, { location: inside.url }).end());
    const product = await createProduct(api, admin.token, { stock: 5 });
    await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    await receiver.waitFor(2);
    const deliveries = await deliveriesOf(api, admin.token, endpoint.id);
    expect(deliveries[0]).toMatchObject({ status: 'pending', last_status_code: 302 });
    expect(deliveries[0]?.last_error).toContain('not followed');
    expect(inside.received).toEqual([]);
    await disable(api, admin.token, endpoint.id);
  });

  test("writes events, deliveries and jobs in the caller's transaction: a rollback leaves none of them", async ({
    admin,
    api,
    config,
    db,
    handle,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver } = await receiverWithEndpoint(['order.cancelled']);
    const quiet = () => {};
    const queue = createWebhookQueue({
      database: handle,
      config,
      work: false,
      log: { info: quiet, warn: quiet, error: quiet },
    });
    await queue.start();
    const counts = async () => {
      const [events, deliveries, jobs] = await Promise.all([
        db
          .selectFrom('webhook_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('webhook_deliveries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        sql<{ n: number }>`select count(*) as n from pgboss.job where name = 'webhook-delivery'`.execute(db),
      ]);
      return [Number(events.n), Number(deliveries.n), Number(jobs.rows[0]?.n)];
    };
    const before = await counts();
    const product = await createProduct(api, admin.token, { stock: 5 });
    const placed = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
    // Processed first: its order.completed event would otherwise land between the two counts.
    await waitForOrder(api, user.token, placed.id);
    const order = { ...placed, status: 'cancelled' as const };
    const afterPlacing = await counts();
    await expect(
      db.transaction().execute(async (trx) => {
        await queue.outbox.record(trx, [{ type: 'order.cancelled', order }]);
        throw new Error('the change fails after announcing itself');
      }),
    ).rejects.toThrow('the change fails');
    expect(await counts()).toEqual(afterPlacing);
    expect(afterPlacing[0]).toBeGreaterThan(before[0] as number);
    // The same call committed is delivered.
    await db.transaction().execute((trx) => queue.outbox.record(trx, [{ type: 'order.cancelled', order }]));
    await receiver.waitFor(1);
    expect(receiver.received).toHaveLength(1);
    await queue.stop();
  });

  test('emits nothing for a change whose transaction rolls back', async ({
    admin,
    api,
    db,
    receiverWithEndpoint,
    user,
  }) => {
    const { receiver } = await receiverWithEndpoint(['order.created']);
    const product = await createProduct(api, admin.token, { stock: 5 });
    const before = await db
      .selectFrom('webhook_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // An unknown product rolls the placement back after the order's checks began.
    const refused = await api.as(user.token).POST('/orders', {
      body: {
        items: [
          { product_id: product.id, quantity: 1 },
          { product_id: 99_999_999, quantity: 1 },
        ],
        shipping_address: '1 Test Street',
      },
    });
    expect(refused.response.status).toBe(400);
    const after = await db
      .selectFrom('webhook_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(receiver.received).toEqual([]);
  });
});

describe('POST /webhook-endpoints/{id}/test and POST /webhook-deliveries/{id}/retry', () => {
  test('sends a verified ping, and a retry sends the same webhook-id again', async ({
    admin,
    api,
    receiverWithEndpoint,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint(['order.shipped']);
    const asAdmin = api.as(admin.token);
    const ping = await asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', endpointPath(endpoint.id));
    expect(ping.response.status).toBe(202);
    const [first] = await receiver.waitFor(1);
    expect(verified(endpoint.secret, first as ReceivedRequest)).toMatchObject({
      type: 'ping',
      data: { endpoint_id: endpoint.id },
    });
    await expect.poll(async () => (await deliveriesOf(api, admin.token, endpoint.id))[0]?.status).toBe('delivered');
    const retry = await asAdmin.POST('/webhook-deliveries/{delivery_id}/retry', {
      params: { path: { delivery_id: ping.data?.id ?? -1 } },
    });
    expect(retry.response.status).toBe(202);
    const [, second] = await receiver.waitFor(2);
    expect((second as ReceivedRequest).headers['webhook-id']).toBe((first as ReceivedRequest).headers['webhook-id']);
  });

  test('shows deliveries by outcome and the delivery lag in /metrics', async ({ app }) => {
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^webhook_deliveries\{status="delivered"\} [1-9]\d*$/m);
    expect(res.body).toMatch(/^webhook_deliveries\{status="failed"\} [1-9]\d*$/m);
    expect(res.body).toMatch(/^webhook_oldest_pending_delivery_age_seconds \d+(\.\d+)?(e[-+]\d+)?$/m);
  });

  test('signs with the old and the new secret for a day after a rotation', async ({
    admin,
    api,
    receiverWithEndpoint,
  }) => {
    const { receiver, endpoint } = await receiverWithEndpoint(['order.shipped']);
    const asAdmin = api.as(admin.token);
    const { data: rotated, response } = await asAdmin.POST(
      '/webhook-endpoints/{endpoint_id}/rotate-secret',
      endpointPath(endpoint.id),
    );
    expect(response.status).toBe(200);
    if (!rotated) throw new Error('rotateWebhookEndpointSecret returned no secret');
    expect(rotated.secret).not.toBe(endpoint.secret);
    await asAdmin.POST('/webhook-endpoints/{endpoint_id}/test', endpointPath(endpoint.id));
    const [request] = await receiver.waitFor(1);
    expect(verified(rotated.secret, request as ReceivedRequest).type).toBe('ping');
    expect(verified(endpoint.secret, request as ReceivedRequest).type).toBe('ping');
  });
});
