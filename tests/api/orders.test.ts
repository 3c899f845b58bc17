import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import type { LegacyClient } from '../helpers/client.js';
import { createProduct } from '../helpers/catalogue.js';
import { registerUser, type TestUser } from '../helpers/factories.js';
import { ADDRESS, placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';

const test = appTest(QUEUE_ENV)
  .extend('alice', { scope: 'file' }, ({ api }) => registerUser(api))
  .extend('bob', { scope: 'file' }, ({ api }) => registerUser(api));

const stockOf = async (api: LegacyClient, id: number) => (await api.get(`/api/v1/products/${id}`)).body.stock as number;

describe('POST /orders', () => {
  test('accepts the order as pending (201, Location, ETag), then processes it to completed', async ({
    admin,
    alice,
    api,
  }) => {
    const p = await createProduct(api, admin.token, { price: 19.99, stock: 10, name: 'Widget' });
    const res = await api.post('/api/v1/orders', {
      token: alice.token,
      body: { items: [{ product_id: p.id, quantity: 3 }], shipping_address: ADDRESS },
    });
    expect(res.status).toBe(201);
    // Placed at this moment's prices: the total and each item's name and price are already fixed.
    // 3 x 19.99 is 59.97 exactly (in floats it would be 59.970000000000006).
    expect(res.body).toMatchObject({
      user_id: alice.id,
      status: 'pending',
      total_amount: 59.97,
      shipping_address: ADDRESS,
      failure_reason: null,
    });
    expect(res.body.items).toEqual([
      { id: expect.any(Number), product_id: p.id, product_name: 'Widget', quantity: 3, unit_price: 19.99 },
    ]);
    expect(res.headers.location).toBe(`/api/v1/orders/${res.body.id}`);
    expect(res.headers.etag).toBe(`"o${res.body.id}-v1"`);

    const done = await waitForOrder(api, alice.token, res.body.id);
    expect(done.data.status).toBe('completed');
    expect(done.data.total_amount).toBe(59.97);
    expect(done.text).toContain('"total_amount":59.97');
    expect(done.data.items[0]).toMatchObject({ product_name: 'Widget', unit_price: 19.99 });
    expect(await stockOf(api, p.id)).toBe(7);
  });

  test('sums 0.10 + 0.20 to 0.30 exactly', async ({ admin, alice, api }) => {
    const a = await createProduct(api, admin.token, { price: 0.1 });
    const b = await createProduct(api, admin.token, { price: 0.2 });
    const order = await placeOrder(api, alice.token, [
      { product_id: a.id, quantity: 1 },
      { product_id: b.id, quantity: 1 },
    ]);
    const done = await waitForOrder(api, alice.token, order.id);
    expect(done.data.total_amount).toBe(0.3);
    expect(done.text).toContain('"total_amount":0.3,');
  });

  test('fails an order for more than the stock, with a reason and no stock taken (all-or-nothing)', async ({
    admin,
    alice,
    api,
  }) => {
    const plenty = await createProduct(api, admin.token, { stock: 5 });
    const scarce = await createProduct(api, admin.token, { stock: 1, name: 'Rare book' });
    const order = await placeOrder(api, alice.token, [
      { product_id: plenty.id, quantity: 2 },
      { product_id: scarce.id, quantity: 2 },
    ]);
    const done = await waitForOrder(api, alice.token, order.id);
    expect(done.data.status).toBe('failed');
    expect(done.data.failure_reason).toBe(
      `Not enough stock for "Rare book" (id ${scarce.id}): 2 requested, 1 available`,
    );
    expect(await stockOf(api, plenty.id)).toBe(5);
    expect(await stockOf(api, scarce.id)).toBe(1);
  });

  test('returns 422 naming a repeated product by its index', async ({ admin, alice, api }) => {
    const ps = await Promise.all([1, 2, 3].map(() => createProduct(api, admin.token)));
    const items = [...ps.map((p) => ({ product_id: p.id, quantity: 1 })), { product_id: ps[1]!.id, quantity: 2 }];
    const res = await api.post('/api/v1/orders', { token: alice.token, body: { items, shipping_address: ADDRESS } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors).toEqual([
      { path: '/body/items/3/product_id', message: expect.stringContaining(String(ps[1]!.id)) },
    ]);
  });

  test('returns 422 for no items, 101 items, quantity 0 or 1001, a short address', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token);
    const many = Array.from({ length: 101 }, (_, i) => ({ product_id: i + 1, quantity: 1 }));
    const bodies = [
      { items: [], shipping_address: ADDRESS },
      { items: many, shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 0 }], shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 1001 }], shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 1 }], shipping_address: 'x' },
      { items: [{ product_id: p.id, quantity: 1 }] },
    ];
    for (const body of bodies)
      expect((await api.post('/api/v1/orders', { token: alice.token, body })).status).toBe(422);
  });

  test('returns 400 naming an unknown or deleted product', async ({ admin, alice, api }) => {
    const gone = await createProduct(api, admin.token);
    await api.delete(`/api/v1/products/${gone.id}`, { token: admin.token });
    for (const id of [999999, gone.id]) {
      const res = await api.post('/api/v1/orders', {
        token: alice.token,
        body: { items: [{ product_id: id, quantity: 1 }], shipping_address: ADDRESS },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.detail).toContain(String(id));
    }
  });

  test('returns 401 without a token', async ({ api }) => {
    expect(
      (
        await api.post('/api/v1/orders', {
          body: { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS },
        })
      ).status,
    ).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  test('returns the original order (201, same id) for the same key and body, and 409 for another body', async ({
    admin,
    alice,
    api,
    bob,
    db,
  }) => {
    const p = await createProduct(api, admin.token, { stock: 100 });
    const key = `key-${Date.now()}`;
    const items = [{ product_id: p.id, quantity: 1 }];
    const first = await api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    const again = await api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.location).toBe(first.headers.location);
    const other = await api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items: [{ product_id: p.id, quantity: 2 }], shipping_address: ADDRESS },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('CONFLICT');
    // Keys are per user: Bob's identical key is a different order.
    const bobs = await api.post('/api/v1/orders', {
      token: bob.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    expect(bobs.status).toBe(201);
    expect(bobs.body.id).not.toBe(first.body.id);
    const count = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  test('frees a key after 24 hours', async ({ admin, alice, api, db }) => {
    const p = await createProduct(api, admin.token, { stock: 100 });
    const key = `old-${Date.now()}`;
    const first = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }], { 'idempotency-key': key });
    await db
      .updateTable('orders')
      .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
      .where('id', '=', first.id)
      .execute();
    const res = await api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items: [{ product_id: p.id, quantity: 5 }], shipping_address: ADDRESS },
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(first.id);
  });
});

describe('GET /orders/{id}', () => {
  test('is for the owner or an admin: 403 for another user, 404 when absent, with an ETag', async ({
    admin,
    alice,
    api,
    bob,
  }) => {
    const p = await createProduct(api, admin.token);
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    const own = await api.get(`/api/v1/orders/${order.id}`, { token: alice.token });
    expect(own.status).toBe(200);
    expect(own.headers.etag).toMatch(new RegExp(`^"o${order.id}-v\\d+"$`));
    expect((await api.get(`/api/v1/orders/${order.id}`, { token: admin.token })).status).toBe(200);
    const other = await api.get(`/api/v1/orders/${order.id}`, { token: bob.token });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTHORIZATION_ERROR');
    expect((await api.get('/api/v1/orders/999999', { token: alice.token })).status).toBe(404);
    expect((await api.get(`/api/v1/orders/${order.id}`)).status).toBe(401);
  });
});

describe('GET /orders', () => {
  test('shows users only their own orders, newest first; admins everyone, filtered by user_id and status', async ({
    admin,
    api,
  }) => {
    const carol = await registerUser(api);
    const dave = await registerUser(api);
    const p = await createProduct(api, admin.token, { stock: 100 });
    const c1 = await placeOrder(api, carol.token, [{ product_id: p.id, quantity: 1 }]);
    const c2 = await placeOrder(api, carol.token, [{ product_id: p.id, quantity: 1 }]);
    const d1 = await placeOrder(api, dave.token, [{ product_id: p.id, quantity: 1 }]);

    const carols = await api.get('/api/v1/orders', { token: carol.token });
    expect(carols.body.items.map((o: { id: number }) => o.id)).toEqual([c2.id, c1.id]);
    expect(carols.body.total).toBe(2);
    // user_id is ignored for users: Carol still sees only her own.
    const sneaky = await api.get('/api/v1/orders', { token: carol.token, query: { user_id: dave.id } });
    expect(sneaky.body.items.map((o: { user_id: number }) => o.user_id)).toEqual([carol.id, carol.id]);

    const all = await api.get('/api/v1/orders', { token: admin.token, query: { page_size: 100 } });
    expect(all.body.items.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining([c1.id, c2.id, d1.id]));
    const davesOnly = await api.get('/api/v1/orders', { token: admin.token, query: { user_id: dave.id } });
    expect(davesOnly.body.items.map((o: { id: number }) => o.id)).toEqual([d1.id]);

    await waitForOrder(api, carol.token, c1.id);
    await waitForOrder(api, carol.token, c2.id);
    await api.post(`/api/v1/orders/${c1.id}/cancel`, { token: carol.token });
    const cancelled = await api.get('/api/v1/orders', { token: carol.token, query: { status: 'cancelled' } });
    expect(cancelled.body.items.map((o: { id: number }) => o.id)).toEqual([c1.id]);
    const paged = await api.get('/api/v1/orders', { token: carol.token, query: { page_size: 1 } });
    expect(paged.body).toMatchObject({ total: 2, page_size: 1, has_next: true });
  });

  test('returns 401 without a token and 422 for a bad status', async ({ alice, api }) => {
    expect((await api.get('/api/v1/orders')).status).toBe(401);
    expect((await api.get('/api/v1/orders', { token: alice.token, query: { status: 'lost' } })).status).toBe(422);
  });
});

describe('PATCH /orders/{id}/status', () => {
  async function completedOrder({ admin, alice, api }: { admin: TestUser; alice: TestUser; api: LegacyClient }) {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 2 }]);
    const done = await waitForOrder(api, alice.token, order.id);
    expect(done.data.status).toBe('completed');
    return { order: done.data, etag: done.response.headers.get('etag') as string, product: p };
  }

  test('moves completed -> shipped -> delivered, and refuses other transitions with 409 naming the status', async ({
    admin,
    alice,
    api,
  }) => {
    const { order } = await completedOrder({ admin, alice, api });
    const shipped = await api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'shipped' },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    expect(shipped.headers.etag).toBeDefined();
    const cancel = await api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toBe('Cannot change an order from shipped to cancelled');
    const delivered = await api.put(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'delivered' },
    });
    expect(delivered.body.status).toBe('delivered');
    const back = await api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'pending' },
    });
    expect(back.status).toBe(409);
    expect(back.body.detail).toContain('from delivered');
  });

  test('refuses a stale If-Match with 412 and changes nothing; of two racing admins one wins', async ({
    admin,
    alice,
    api,
  }) => {
    const { order, etag } = await completedOrder({ admin, alice, api });
    const results = await Promise.all(
      ['shipped', 'cancelled'].map((status) =>
        api.patch(`/api/v1/orders/${order.id}/status`, {
          token: admin.token,
          headers: { 'if-match': etag },
          body: { status },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const stale = await api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { status: 'delivered' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await api.get(`/api/v1/orders/${order.id}`, { token: admin.token })).body.status).toBe(winner.body.status);
  });

  test('is admin-only (403), 404 for an unknown order, 422 for an unknown status', async ({ admin, alice, api }) => {
    const { order } = await completedOrder({ admin, alice, api });
    expect(
      (await api.patch(`/api/v1/orders/${order.id}/status`, { token: alice.token, body: { status: 'shipped' } }))
        .status,
    ).toBe(403);
    expect(
      (await api.patch('/api/v1/orders/999999/status', { token: admin.token, body: { status: 'shipped' } })).status,
    ).toBe(404);
    expect(
      (await api.patch(`/api/v1/orders/${order.id}/status`, { token: admin.token, body: { status: 'lost' } })).status,
    ).toBe(422);
  });
});

describe('POST /orders/{id}/cancel and DELETE /orders/{id}', () => {
  test('cancels a completed order and returns its stock, once', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 4 }]);
    await waitForOrder(api, alice.token, order.id);
    expect(await stockOf(api, p.id)).toBe(6);
    const res = await api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'success', message: 'Order cancelled successfully', order_id: order.id });
    expect(await stockOf(api, p.id)).toBe(10);
    const again = await api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Cannot change an order from cancelled to cancelled');
    expect(await stockOf(api, p.id)).toBe(10);
  });

  test('cancels a fresh order; whatever processing did, stock ends where it began', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 3 }]);
    expect((await api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200)); // let a queued job run: it must leave a cancelled order alone
    expect((await api.get(`/api/v1/orders/${order.id}`, { token: alice.token })).body.status).toBe('cancelled');
    expect(await stockOf(api, p.id)).toBe(10);
  });

  test('refuses another user (403), lets an admin cancel, 404 when absent; DELETE answers 204', async ({
    admin,
    alice,
    api,
    bob,
  }) => {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const a = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    expect((await api.post(`/api/v1/orders/${a.id}/cancel`, { token: bob.token })).status).toBe(403);
    expect((await api.delete(`/api/v1/orders/${a.id}`, { token: bob.token })).status).toBe(403);
    expect((await api.post(`/api/v1/orders/${a.id}/cancel`, { token: admin.token })).status).toBe(200);
    expect((await api.post('/api/v1/orders/999999/cancel', { token: alice.token })).status).toBe(404);
    const b = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    await waitForOrder(api, alice.token, b.id);
    expect((await api.delete(`/api/v1/orders/${b.id}`, { token: alice.token })).status).toBe(204);
    expect((await api.get(`/api/v1/orders/${b.id}`, { token: alice.token })).body.status).toBe('cancelled');
    expect((await api.delete(`/api/v1/orders/${b.id}`, { token: alice.token })).status).toBe(409);
    expect(await stockOf(api, p.id)).toBe(10);
  });
});

describe('deleting an ordered product', () => {
  test('soft-deletes it: 404 and out of lists, while orders keep their snapshots', async ({
    admin,
    alice,
    api,
    db,
  }) => {
    const p = await createProduct(api, admin.token, {
      name: 'Vintage lamp',
      price: 42.5,
      stock: 3,
      category: 'soft-delete-test',
    });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    await waitForOrder(api, alice.token, order.id);
    expect((await api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expect((await api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/products', { query: { category: 'soft-delete-test' } })).body.total).toBe(0);
    const kept = await api.get(`/api/v1/orders/${order.id}`, { token: alice.token });
    expect(kept.body.items[0]).toMatchObject({ product_id: p.id, product_name: 'Vintage lamp', unit_price: 42.5 });
    expect(kept.body.total_amount).toBe(42.5);
    const row = await db.selectFrom('products').select('deleted_at').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });
});
