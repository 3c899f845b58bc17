// The pg-boss 10 to 12 upgrade on the embedded database (what `pnpm start`
// keeps in ./.data; Postgres with DATABASE_URL), in process: jobs a real
// pg-boss 10 left queued, waiting to retry and failed are moved and the owed
// orders processed once, also when a process stopped between the two steps
// of the upgrade (jobs/pg-boss-10-takeover.ts). tests/services covers active
// jobs and separate processes.
import { sql } from 'kysely';
import PgBoss10 from 'pg-boss-10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect.js';
import { setAsidePgBoss10 } from '../../server/src/jobs/pg-boss-10-takeover.js';
import { createOrderQueue, QUEUE } from '../../server/src/orders/order-queue.js';
import { loadConfig } from '../../server/src/config.js';
import { TEST_ENV } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { QUEUE_ENV } from '../helpers/orders.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** pg-boss 10 over the test database's own driver, as the earlier release ran it (the embedded database has no URL). */
function executeSqlOn(handle: DatabaseHandle) {
  return async (text: string, values: unknown[] = []) => {
    if (handle.pool) return handle.pool.query(text, values);
    const pglite = handle.pglite!;
    if (values.length > 0) return pglite.query(text, values);
    return { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] };
  };
}

let database: TestDatabase;
const orders: Record<'queued' | 'retrying' | 'failed', number> = { queued: 0, retrying: 0, failed: 0 };
let product = 0;
let before: Array<{ id: string; state: string }> = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database.handle;
  await sql`drop schema pgboss cascade`.execute(db); // the test database comes with this release's queue
  const user = await sql<{ id: number }>`
    insert into users (username, email, password_hash, role) values ('boss10', 'boss10@example.test', 'x', 'user') returning id`.execute(
    db,
  );
  product = (
    await sql<{ id: number }>`insert into products (name, price, stock) values ('Lamp', 5, 10) returning id`.execute(db)
  ).rows[0]!.id;
  for (const key of Object.keys(orders) as Array<keyof typeof orders>) {
    const order = await sql<{ id: number }>`
      insert into orders (user_id, shipping_address, total_amount) values (${user.rows[0]!.id}, '1 Queue Road', 5) returning id`.execute(
      db,
    );
    orders[key] = order.rows[0]!.id;
    await sql`insert into order_items (order_id, product_id, quantity, product_name, unit_price)
      values (${orders[key]}, ${product}, 1, 'Lamp', 5)`.execute(db);
  }

  const boss = new PgBoss10({ db: { executeSql: executeSqlOn(database.handle) }, schedule: false, supervise: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(QUEUE);
  const options = { retryLimit: 8, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 };
  await boss.send(QUEUE, { orderId: orders.failed }, { ...options, retryLimit: 0 });
  await boss.fail(QUEUE, (await boss.fetch(QUEUE))[0]!.id, { message: 'gave up' });
  await boss.send(QUEUE, { orderId: orders.retrying }, options);
  await boss.fail(QUEUE, (await boss.fetch(QUEUE))[0]!.id, { message: 'database restarting' });
  await boss.send(QUEUE, { orderId: orders.queued }, options);
  await boss.stop({ graceful: false, wait: true });
  before = (
    await sql<{ id: string; state: string }>`select id::text, state::text from pgboss.job order by id`.execute(db)
  ).rows;
}, 60_000);

afterAll(() => database?.drop());

describe('a database written by pg-boss 10, upgraded by a process that stopped half-way', () => {
  it('keeps every job and processes each owed order once', async () => {
    expect(before.map((j) => j.state).sort()).toEqual(['created', 'failed', 'retry']);
    // The first step alone, as a process that stopped right after it would leave the database.
    expect(await setAsidePgBoss10(database.handle.db)).toBe(true);

    const config = loadConfig({ ...TEST_ENV, ...QUEUE_ENV });
    const queue = createOrderQueue({ database: database.handle, config, work: true, log: quiet });
    await queue.start();
    try {
      const { db } = database.handle;
      const deadline = Date.now() + 20_000;
      let completed: number[] = [];
      while (completed.length < 2 && Date.now() < deadline) {
        completed = (
          await sql<{ id: number }>`select id from orders where status = 'completed' order by id`.execute(db)
        ).rows.map((o) => o.id);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(completed).toEqual([orders.retrying, orders.queued].sort((a, b) => a - b));
      const after = await sql<{
        id: string;
        state: string;
      }>`select id::text, state::text from pgboss.job order by id`.execute(db);
      expect(after.rows.map((j) => j.id)).toEqual(before.map((j) => j.id));
      expect(after.rows.map((j) => j.state).sort()).toEqual(['completed', 'completed', 'failed']);
      const stock = await sql<{ stock: number }>`select stock from products where id = ${product}`.execute(db);
      expect(stock.rows[0]?.stock).toBe(10 - 2);
      const old = await sql`select 1 from pg_namespace where nspname = 'pgboss_v10'`.execute(db);
      expect(old.rows).toEqual([]);
    } finally {
      await queue.stop();
    }
  });
});
