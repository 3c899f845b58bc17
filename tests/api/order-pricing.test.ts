// Price at placement: an order keeps the names, unit prices and total it was
// accepted with, whatever happens to its products before or after processing.
// The app runs without its in-process worker, so the test decides when
// processing happens (a queue instance started here, as `pnpm worker` would).
import { type Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { migrations } from '../../server/src/migrations/index.js';
import type { Database } from '../../server/src/db/database.js';
import { createOrderQueue } from '../../server/src/orders/order-queue.js';
import { createProduct } from '../helpers/catalogue.js';
import { ADDRESS, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';

const test = appTest({ ...QUEUE_ENV, RUN_WORKER: 'false' });

describe('POST /orders fixes prices at placement', () => {
  test('keeps the placed names, prices and total when products are repriced and renamed before processing', async ({
    admin,
    api,
    config,
    handle,
    user,
  }) => {
    const lamp = await createProduct(api, admin.token, { name: 'Desk lamp', price: 10, stock: 5 });
    const pen = await createProduct(api, admin.token, { name: 'Fountain pen', price: 2.35, stock: 5 });
    const asAdmin = api.as(admin.token);
    const body = {
      items: [
        { product_id: lamp.id, quantity: 2 },
        { product_id: pen.id, quantity: 3 },
      ],
      shipping_address: ADDRESS,
    };
    const asUser = api.as(user.token);
    const place = () =>
      asUser.POST('/orders', { params: { header: { 'Idempotency-Key': `reprice-${lamp.id}` } }, body });
    const { data: placed, response } = await place();
    if (!placed) throw new Error(`createOrder answered ${response.status}`);
    expect(response.status).toBe(201);
    expect(placed).toMatchObject({ status: 'pending', total_amount: 27.05 });
    expect(placed.items).toEqual([
      { id: expect.any(Number), product_id: lamp.id, product_name: 'Desk lamp', quantity: 2, unit_price: 10 },
      { id: expect.any(Number), product_id: pen.id, product_name: 'Fountain pen', quantity: 3, unit_price: 2.35 },
    ]);

    // Between placement and processing (no worker runs yet): reprice and rename both.
    for (const [id, patch] of [
      [lamp.id, { price: 99, name: 'Designer lamp' }],
      [pen.id, { price: 0.5 }],
    ] as const) {
      const { response } = await asAdmin.PATCH('/products/{product_id}', {
        params: { path: { product_id: id } },
        body: patch,
      });
      expect(response.status).toBe(200);
    }
    // A retry of the placement answers with the order as placed, not as repriced.
    expect((await place()).data).toEqual(placed);

    const worker = createOrderQueue({
      database: handle,
      config: config,
      work: true,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await worker.start();
    try {
      const done = await waitForOrder(api, user.token, placed.id);
      expect(done.data.status).toBe('completed');
      expect(done.data.total_amount).toBe(27.05);
      expect(done.data.items).toEqual(placed.items);
    } finally {
      await worker.stop();
    }
    // Processing took the stock, and only the stock.
    const product = async (product_id: number) =>
      (await api.GET('/products/{product_id}', { params: { path: { product_id } } })).data;
    expect(await product(lamp.id)).toMatchObject({ stock: 3, price: 99 });
    expect(await product(pen.id)).toMatchObject({ stock: 2, price: 0.5 });

    // Repricing after processing changes nothing either.
    await asAdmin.PATCH('/products/{product_id}', { params: { path: { product_id: pen.id } }, body: { price: 7 } });
    const later = await asUser.GET('/orders/{order_id}', { params: { path: { order_id: placed.id } } });
    expect(later.data?.items).toEqual(placed.items);
    expect(later.data?.total_amount).toBe(27.05);
  });
});

describe('the price-at-placement migration', () => {
  test('fills the names, prices and totals of orders placed before it from the current products', async ({
    admin,
    api,
    db: appDb,
    user,
  }) => {
    const db = appDb as unknown as Kysely<Database>;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const p = await createProduct(api, admin.token, { name: 'Old stock', price: 4.1, stock: 5 });
    const before = await migrator.migrateTo('2026-11-23T00-00-principal-notify');
    expect(before.error).toBeUndefined();
    try {
      // An order as the earlier code left it while pending: no snapshots, no total.
      const order = await sql<{ id: number }>`
        insert into orders (user_id, shipping_address) values (${user.id}, ${ADDRESS}) returning id`.execute(db);
      const orderId = order.rows[0]!.id;
      await sql`insert into order_items (order_id, product_id, quantity) values (${orderId}, ${p.id}, 3)`.execute(db);

      const after = await migrator.migrateToLatest();
      expect(after.error).toBeUndefined();
      const { data, response } = await api
        .as(user.token)
        .GET('/orders/{order_id}', { params: { path: { order_id: orderId } } });
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ status: 'pending', total_amount: 12.3 });
      expect(data?.items).toEqual([
        { id: expect.any(Number), product_id: p.id, product_name: 'Old stock', quantity: 3, unit_price: 4.1 },
      ]);
    } finally {
      await migrator.migrateToLatest();
    }
  });
});
