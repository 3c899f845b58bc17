// Concurrency, idempotency and crash safety of order processing. The app here
// runs without its in-process worker (RUN_WORKER=false, like a web-only
// server); each test starts the workers it needs as separate queue instances,
// as separate `pnpm worker` processes would, against the same database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config.js';
import { createOrderQueue, type OrderQueue } from '../../server/src/orders/order-queue.js';
import { processOrder, type ProcessingHooks } from '../../server/src/orders/order-processing.js';
import { TEST_ENV } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/database.js';
import { createAdmin, registerUser, type TestUser } from '../helpers/factories.js';
import { ADDRESS, placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';
import { createTestClient, type TestClient } from '../helpers/test-client.js';

let config: Config;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let api: TestClient;
let admin: TestUser;
let user: TestUser;
const workers: OrderQueue[] = [];
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  config = loadConfig({ ...TEST_ENV, ...QUEUE_ENV, RUN_WORKER: 'false' });
  database = await createTestDatabase();
  app = await buildApp({ config, database: database.handle });
  await app.ready();
  api = createTestClient(app);
  admin = await createAdmin(api, database.handle.db);
  user = await registerUser(api);
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function startWorker(hooks?: ProcessingHooks): Promise<OrderQueue> {
  const worker = createOrderQueue({
    database: database.handle,
    config,
    work: true,
    log: quiet,
    ...(hooks && { hooks }),
  });
  await worker.start();
  workers.push(worker);
  return worker;
}
const stockOf = async (product_id: number) =>
  (await api.GET('/products/{product_id}', { params: { path: { product_id } } })).data?.stock;
const orderStatus = async (token: string, order_id: number) =>
  (await api.as(token).GET('/orders/{order_id}', { params: { path: { order_id } } })).data?.status;

describe('overselling', () => {
  it(`ends 50 orders for a product with stock 10 as exactly 10 completed and 40 failed, stock 0 (${usingPostgres ? 'concurrent, two workers' : 'sequential on PGlite'})`, async () => {
    const p = await createProduct(api, admin.token, { stock: 10, price: 5 });
    const buyers = await Promise.all([1, 2, 3, 4, 5].map(() => registerUser(api)));
    await startWorker();
    await startWorker();
    const place = (i: number) => placeOrder(api, buyers[i % buyers.length]!.token, [{ product_id: p.id, quantity: 1 }]);
    const orders = [];
    if (usingPostgres) orders.push(...(await Promise.all(Array.from({ length: 50 }, (_, i) => place(i)))));
    else for (let i = 0; i < 50; i += 1) orders.push(await place(i));

    const finals = await Promise.all(
      orders.map((o, i) => waitForOrder(api, buyers[i % buyers.length]!.token, o.id, 45_000)),
    );
    const statuses = finals.map((f) => f.data.status as string);
    expect(statuses.filter((s) => s === 'completed')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'failed')).toHaveLength(40);
    expect(await stockOf(p.id)).toBe(0);
    const failed = finals.find((f) => f.data.status === 'failed')!;
    expect(failed.data.failure_reason).toMatch(/^Not enough stock/);
  }, 60_000);
});

describe('idempotency under concurrency', () => {
  it('creates one order when the same Idempotency-Key is sent 20 times at once', async () => {
    const p = await createProduct(api, admin.token, { stock: 100 });
    const key = `burst-${Date.now()}`;
    const body = { items: [{ product_id: p.id, quantity: 1 }], shipping_address: ADDRESS };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.as(user.token).POST('/orders', { params: { header: { 'Idempotency-Key': key } }, body }),
      ),
    );
    expect(results.map((r) => r.response.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.data?.id)).size).toBe(1);
    const rows = await database.handle.db
      .selectFrom('orders')
      .select('id')
      .where('idempotency_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('crash safety', () => {
  it('retries a job that crashed after reserving, and the retry reserves exactly once', async () => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    // Every order's first attempt crashes (other tests may have left jobs in the queue).
    const calls = new Map<number, number>();
    await startWorker({
      afterReserve: (orderId) => {
        calls.set(orderId, (calls.get(orderId) ?? 0) + 1);
        if (calls.get(orderId) === 1) throw new Error('simulated crash after reserving');
      },
    });
    const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 2 }]);
    const done = await waitForOrder(api, user.token, order.id);
    expect(done.data.status).toBe('completed');
    expect(calls.get(order.id)).toBe(2); // the crashed attempt, then the retry
    // One job, retried once by pg-boss (not a second job).
    const jobs = await sql<{
      retry_count: number;
      state: string;
    }>`select retry_count, state from pgboss.job where (data->>'orderId')::int = ${order.id}`.execute(
      database.handle.db,
    );
    expect(jobs.rows).toEqual([{ retry_count: 1, state: 'completed' }]);
    expect(await stockOf(p.id)).toBe(3);
  });

  it('never reserves twice when a finished order is processed again (a duplicate or late job)', async () => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    const worker = await startWorker();
    const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 2 }]);
    expect((await waitForOrder(api, user.token, order.id)).data.status).toBe('completed');
    expect(await processOrder(database.handle.db, worker.outbox, order.id)).toBe('skipped');
    await worker.enqueueOrder(order.id);
    await new Promise((r) => setTimeout(r, 1500)); // the duplicate job runs
    expect(await stockOf(p.id)).toBe(3);
    expect(await orderStatus(user.token, order.id)).toBe('completed');
  });
});

describe('queued jobs', () => {
  it('wait for a worker (none running when placed) and fail an order whose product was deleted meanwhile', async () => {
    const p = await createProduct(api, admin.token, { stock: 5, name: 'Discontinued' });
    const order = await placeOrder(api, user.token, [{ product_id: p.id, quantity: 1 }]);
    const deleted = await api
      .as(admin.token)
      .DELETE('/products/{product_id}', { params: { path: { product_id: p.id } } });
    expect(deleted.response.status).toBe(204);
    await new Promise((r) => setTimeout(r, 600));
    expect(await orderStatus(user.token, order.id)).toBe('pending');
    await startWorker();
    const done = await waitForOrder(api, user.token, order.id);
    expect(done.data.status).toBe('failed');
    expect(done.data.failure_reason).toBe(`Product "Discontinued" (id ${p.id}) is no longer available`);
    const row = await database.handle.db
      .selectFrom('products')
      .select('stock')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.stock).toBe(5);
  });
});
