// A worker killed with kill -9 while a webhook attempt is in flight: the
// attempt's job is still active in pg-boss, which expires it (the job's
// expiry is WEBHOOK_TIMEOUT_MS + 10 s, checked every QUEUE_MAINTENANCE_SECONDS)
// and runs it again on the next worker. The receiver gets the event again,
// under the same webhook-id, verified, and the delivery ends delivered.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../helpers/services.js';
import { startReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { adminToken, clusterEnv } from './helpers/cluster.js';
import { ADDRESS, http, registerAndLogin, sleep } from './helpers/http.js';
import { createProducts } from './helpers/orders.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { type Spawned, startServer, startWorker } from './helpers/processes.js';

const configured = services('postgres');

const ENV = {
  RUN_WORKER: 'false',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_TIMEOUT_MS: '1000',
  QUEUE_MAINTENANCE_SECONDS: '2',
  QUEUE_POLL_SECONDS: '0.5',
};

let db: LocalDatabase;
let server: Spawned;
let receiver: WebhookReceiver;
const workers: Spawned[] = [];

beforeAll(async () => {
  db = await createLocalDatabase();
  server = await startServer(clusterEnv(db, ENV));
  receiver = await startReceiver();
}, 60_000);

afterAll(async () => {
  await Promise.all([server, ...workers].filter((p) => p !== undefined).map((p) => p.stop('SIGTERM')));
  await receiver?.close();
  await db?.drop();
}, 30_000);

describe.skipIf(!configured)('kill -9 of the worker mid-delivery', () => {
  it('delivers the event again, under the same webhook-id, from the next worker', async () => {
    const admin = await adminToken(server.baseUrl);
    const endpoint = await http(server.baseUrl, 'POST', '/api/v1/webhook-endpoints', {
      token: admin,
      body: { url: receiver.url, events: ['order.created'] },
    });
    expect(endpoint.status, endpoint.text).toBe(201);
    // The first attempt is never answered: the worker dies while it waits.
    receiver.respond((res, req) => {
      if (receiver.received.indexOf(req) > 0) res.writeHead(204).end();
    });

    const first = await startWorker(clusterEnv(db, ENV));
    workers.push(first);
    const [productId] = [...(await createProducts(server.baseUrl, admin, 1, 10, 'hook')).keys()];
    const buyer = await registerAndLogin(server.baseUrl, `hook_${Date.now()}`);
    const order = await http(server.baseUrl, 'POST', '/api/v1/orders', {
      token: buyer.token,
      body: { items: [{ product_id: productId, quantity: 1 }], shipping_address: ADDRESS },
    });
    expect(order.status, order.text).toBe(201);
    await receiver.waitFor(1);
    first.child.kill('SIGKILL');
    await first.exited;

    const killedAt = Date.now();
    workers.push(await startWorker(clusterEnv(db, ENV)));
    const [before, after] = await receiver.waitFor(2, () => true, 60_000);
    console.log(`webhook crash: redelivered ${Date.now() - killedAt} ms after the kill`);
    expect(after?.headers['webhook-id']).toBe(before?.headers['webhook-id']);
    const event = new Webhook(endpoint.body.secret).verify(
      (after as { body: string }).body,
      after?.headers as Record<string, string>,
    ) as { type: string; data: { id: number } };
    expect(event).toMatchObject({ type: 'order.created', data: { id: order.body.id } });
    for (let i = 0; i < 50; i += 1) {
      const [row] = await db.query<{ status: string }>('select status from webhook_deliveries where endpoint_id = $1', [
        endpoint.body.id,
      ]);
      if (row?.status === 'delivered') return;
      await sleep(100);
    }
    throw new Error('the delivery never ended delivered');
  }, 120_000);
});
