// Upgrading a live database from pg-boss 10 (the order queue of earlier
// releases) to pg-boss 12: a real pg-boss 10 (the `pg-boss-10` dev
// dependency) leaves order jobs queued, waiting to retry, active (claimed by
// a worker that then died), failed and completed. A worker of this release
// then starts on the database: every job is kept with its id and attempts,
// each order still owed processing is processed exactly once, and the failed
// and completed jobs stay as they were (jobs/pg-boss-10-takeover.ts).
import PgBoss10 from 'pg-boss-10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../helpers/services.js';
import { clusterEnv } from './helpers/cluster.js';
import { sleep } from './helpers/http.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { type Spawned, startWorker } from './helpers/processes.js';

const configured = services('postgres');
const QUEUE = 'order-processing';
/** Short, so the job its dead worker held comes back within the test. */
const EXPIRE_SECONDS = 4;
/** As the earlier release sent them (orders/order-queue.ts). */
const SEND = { retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS };

interface JobRow {
  id: string;
  order_id: number;
  state: string;
  retry_count: number;
  data: Record<string, unknown>;
}

let db: LocalDatabase;
let worker: Spawned | undefined;
/** Order id by the state its job is left in. */
const orders: Record<'queued' | 'queuedToo' | 'retrying' | 'active' | 'failed' | 'completed', number> = {
  queued: 0,
  queuedToo: 0,
  retrying: 0,
  active: 0,
  failed: 0,
  completed: 0,
};
let product = 0;
let before: JobRow[] = [];

const jobs = () =>
  db.query<JobRow>(
    `select id::text, (data->>'orderId')::int as order_id, state::text, retry_count, data
     from pgboss.job where name = $1 order by order_id`,
    [QUEUE],
  );

beforeAll(async () => {
  if (!configured) return;
  db = await createLocalDatabase('sf_boss10');
  const [user] = await db.query<{ id: number }>(
    `insert into users (username, email, password_hash, role) values ('boss10', 'boss10@example.test', 'x', 'user') returning id`,
  );
  [{ id: product }] = (await db.query<{ id: number }>(
    `insert into products (name, price, stock) values ('Lamp', 5, 100) returning id`,
  )) as [{ id: number }];
  for (const key of Object.keys(orders) as Array<keyof typeof orders>) {
    const [order] = await db.query<{ id: number }>(
      `insert into orders (user_id, shipping_address, total_amount) values ($1, '1 Queue Road', 10) returning id`,
      [user!.id],
    );
    await db.query(
      `insert into order_items (order_id, product_id, quantity, product_name, unit_price) values ($1, $2, 2, 'Lamp', 5)`,
      [order!.id, product],
    );
    orders[key] = order!.id;
  }

  // pg-boss 10, as the earlier release ran it (the test databases come with this release's queue installed).
  await db.query('drop schema pgboss cascade');
  const boss = new PgBoss10({ connectionString: db.url, schedule: false, supervise: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(QUEUE);
  const send = (orderId: number, options = {}) =>
    boss.send(QUEUE, { orderId, requestId: `req-${orderId}` }, { ...SEND, ...options });
  const claim = async (orderId: number) => {
    const [job] = await boss.fetch<{ orderId: number }>(QUEUE);
    expect(job?.data.orderId).toBe(orderId);
    return job!.id;
  };
  // Sent and claimed one at a time, so each claim takes the job just sent.
  await send(orders.completed);
  await boss.complete(QUEUE, await claim(orders.completed));
  await send(orders.failed, { retryLimit: 0 });
  await boss.fail(QUEUE, await claim(orders.failed), { message: 'gave up' });
  await send(orders.retrying);
  await boss.fail(QUEUE, await claim(orders.retrying), { message: 'database restarting' });
  await send(orders.active);
  await claim(orders.active); // its worker dies holding it
  await send(orders.queued);
  await send(orders.queuedToo);
  await boss.stop({ graceful: false, wait: true });
  before = await jobs();
}, 60_000);

afterAll(async () => {
  await worker?.stop('SIGTERM');
  await db?.drop();
}, 30_000);

describe.skipIf(!configured)('a database written by pg-boss 10', () => {
  it('holds jobs queued, retrying, active, failed and completed', () => {
    const state = Object.fromEntries(before.map((j) => [j.order_id, j.state]));
    expect(state).toEqual({
      [orders.queued]: 'created',
      [orders.queuedToo]: 'created',
      [orders.retrying]: 'retry',
      [orders.active]: 'active',
      [orders.failed]: 'failed',
      [orders.completed]: 'completed',
    });
  });

  it('is taken over by a worker of this release: every job kept, each owed order processed once', async () => {
    worker = await startWorker(
      clusterEnv(db, { QUEUE_JOB_EXPIRE_SECONDS: String(EXPIRE_SECONDS), QUEUE_MAINTENANCE_SECONDS: '1' }),
    );
    const [{ version }] = (await db.query<{ version: number }>(`select version from pgboss.version`)) as [
      { version: number },
    ];
    expect(version).toBeGreaterThan(24);
    expect(await db.query(`select 1 from pg_namespace where nspname = 'pgboss_v10'`)).toEqual([]);

    // The queued and retrying orders at once, the active one once pg-boss 12 expires its claim.
    const owed = [orders.queued, orders.queuedToo, orders.retrying, orders.active];
    const deadline = Date.now() + 30_000;
    let done: Array<{ id: number; status: string }> = [];
    while (Date.now() < deadline) {
      done = await db.query(`select id, status from orders where id = any($1) and status = 'completed'`, [owed]);
      if (done.length === owed.length) break;
      await sleep(200);
    }
    expect(done.map((o) => o.id).sort()).toEqual([...owed].sort());

    const after = await jobs();
    // The same jobs, by id and data: none lost, none added.
    expect(after.map((j) => [j.id, j.data])).toEqual(before.map((j) => [j.id, j.data]));
    const byOrder = Object.fromEntries(after.map((j) => [j.order_id, j]));
    expect(byOrder[orders.queued]).toMatchObject({ state: 'completed', retry_count: 0 });
    expect(byOrder[orders.queuedToo]).toMatchObject({ state: 'completed', retry_count: 0 });
    expect(byOrder[orders.retrying]).toMatchObject({ state: 'completed', retry_count: 1 });
    expect(byOrder[orders.active]).toMatchObject({ state: 'completed', retry_count: 1 });
    expect(byOrder[orders.failed]).toMatchObject({ state: 'failed', retry_count: 0 });
    expect(byOrder[orders.completed]).toMatchObject({ state: 'completed', retry_count: 0 });

    // Processed once each: one log line per owed order, none for the others, and the stock taken once.
    const processed = worker
      .output()
      .split('\n')
      .filter((l) => l.includes('"msg":"order processed"'))
      .map((l) => (JSON.parse(l) as { orderId: number }).orderId);
    expect(processed.sort()).toEqual([...owed].sort());
    const [{ stock }] = (await db.query<{ stock: number }>(`select stock from products where id = $1`, [product])) as [
      { stock: number },
    ];
    expect(stock).toBe(100 - 2 * owed.length);
    const untouched = await db.query<{ status: string }>(`select status from orders where id = any($1)`, [
      [orders.failed, orders.completed],
    ]);
    expect(untouched.map((o) => o.status)).toEqual(['pending', 'pending']);
  }, 60_000);
});
