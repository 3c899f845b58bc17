import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createAdmin, registerUser, type TestUser } from '../helpers/factories.js';
import { ADDRESS, placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';

let t: TestApp;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await buildTestApp(QUEUE_ENV);
  admin = await createAdmin(t.api, t.database.handle.db);
  alice = await registerUser(t.api);
  bob = await registerUser(t.api);
});
afterAll(() => t.close());

const stockOf = async (id: number) => (await t.api.get(`/api/v1/products/${id}`)).body.stock as number;

describe('POST /orders', () => {
  it('accepts the order as pending (201, Location, ETag), then processes it to completed', async () => {
    const p = await createProduct(t.api, admin.token, { price: 19.99, stock: 10, name: 'Widget' });
    const res = await t.api.post('/api/v1/orders', {
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

    const done = await waitForOrder(t.api, alice.token, res.body.id);
    expect(done.body.status).toBe('completed');
    expect(done.body.total_amount).toBe(59.97);
    expect(done.text).toContain('"total_amount":59.97');
    expect(done.body.items[0]).toMatchObject({ product_name: 'Widget', unit_price: 19.99 });
    expect(await stockOf(p.id)).toBe(7);
  });

  it('sums 0.10 + 0.20 to 0.30 exactly', async () => {
    const a = await createProduct(t.api, admin.token, { price: 0.1 });
    const b = await createProduct(t.api, admin.token, { price: 0.2 });
    const order = await placeOrder(t.api, alice.token, [
      { product_id: a.id, quantity: 1 },
      { product_id: b.id, quantity: 1 },
    ]);
    const done = await waitForOrder(t.api, alice.token, order.id);
    expect(done.body.total_amount).toBe(0.3);
    expect(done.text).toContain('"total_amount":0.3,');
  });

  it('fails an order for more than the stock, with a reason and no stock taken (all-or-nothing)', async () => {
    const plenty = await createProduct(t.api, admin.token, { stock: 5 });
    const scarce = await createProduct(t.api, admin.token, { stock: 1, name: 'Rare book' });
    const order = await placeOrder(t.api, alice.token, [
      { product_id: plenty.id, quantity: 2 },
      { product_id: scarce.id, quantity: 2 },
    ]);
    const done = await waitForOrder(t.api, alice.token, order.id);
    expect(done.body.status).toBe('failed');
    expect(done.body.failure_reason).toBe(
      `Not enough stock for "Rare book" (id ${scarce.id}): 2 requested, 1 available`,
    );
    expect(await stockOf(plenty.id)).toBe(5);
    expect(await stockOf(scarce.id)).toBe(1);
  });

  it('returns 422 naming a repeated product by its index', async () => {
    const ps = await Promise.all([1, 2, 3].map(() => createProduct(t.api, admin.token)));
    const items = [...ps.map((p) => ({ product_id: p.id, quantity: 1 })), { product_id: ps[1]!.id, quantity: 2 }];
    const res = await t.api.post('/api/v1/orders', { token: alice.token, body: { items, shipping_address: ADDRESS } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_ERROR');
    expect(res.body.errors).toEqual([
      { path: '/body/items/3/product_id', message: expect.stringContaining(String(ps[1]!.id)) },
    ]);
  });

  it('returns 422 for no items, 101 items, quantity 0 or 1001, a short address', async () => {
    const p = await createProduct(t.api, admin.token);
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
      expect((await t.api.post('/api/v1/orders', { token: alice.token, body })).status).toBe(422);
  });

  it('returns 400 naming an unknown or deleted product', async () => {
    const gone = await createProduct(t.api, admin.token);
    await t.api.delete(`/api/v1/products/${gone.id}`, { token: admin.token });
    for (const id of [999999, gone.id]) {
      const res = await t.api.post('/api/v1/orders', {
        token: alice.token,
        body: { items: [{ product_id: id, quantity: 1 }], shipping_address: ADDRESS },
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.detail).toContain(String(id));
    }
  });

  it('returns 401 without a token', async () => {
    expect(
      (
        await t.api.post('/api/v1/orders', {
          body: { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS },
        })
      ).status,
    ).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('returns the original order (201, same id) for the same key and body, and 409 for another body', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 100 });
    const key = `key-${Date.now()}`;
    const items = [{ product_id: p.id, quantity: 1 }];
    const first = await t.api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    const again = await t.api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.location).toBe(first.headers.location);
    const other = await t.api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items: [{ product_id: p.id, quantity: 2 }], shipping_address: ADDRESS },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('CONFLICT');
    // Keys are per user: Bob's identical key is a different order.
    const bobs = await t.api.post('/api/v1/orders', {
      token: bob.token,
      headers: { 'idempotency-key': key },
      body: { items, shipping_address: ADDRESS },
    });
    expect(bobs.status).toBe(201);
    expect(bobs.body.id).not.toBe(first.body.id);
    const count = await t.database.handle.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('frees a key after 24 hours', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 100 });
    const key = `old-${Date.now()}`;
    const first = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 1 }], { 'idempotency-key': key });
    await t.database.handle.db
      .updateTable('orders')
      .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
      .where('id', '=', first.id)
      .execute();
    const res = await t.api.post('/api/v1/orders', {
      token: alice.token,
      headers: { 'idempotency-key': key },
      body: { items: [{ product_id: p.id, quantity: 5 }], shipping_address: ADDRESS },
    });
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(first.id);
  });
});

describe('GET /orders/{id}', () => {
  it('is for the owner or an admin: 403 for another user, 404 when absent, with an ETag', async () => {
    const p = await createProduct(t.api, admin.token);
    const order = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    const own = await t.api.get(`/api/v1/orders/${order.id}`, { token: alice.token });
    expect(own.status).toBe(200);
    expect(own.headers.etag).toMatch(new RegExp(`^"o${order.id}-v\\d+"$`));
    expect((await t.api.get(`/api/v1/orders/${order.id}`, { token: admin.token })).status).toBe(200);
    const other = await t.api.get(`/api/v1/orders/${order.id}`, { token: bob.token });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTHORIZATION_ERROR');
    expect((await t.api.get('/api/v1/orders/999999', { token: alice.token })).status).toBe(404);
    expect((await t.api.get(`/api/v1/orders/${order.id}`)).status).toBe(401);
  });
});

describe('GET /orders', () => {
  it('shows users only their own orders, newest first; admins everyone, filtered by user_id and status', async () => {
    const carol = await registerUser(t.api);
    const dave = await registerUser(t.api);
    const p = await createProduct(t.api, admin.token, { stock: 100 });
    const c1 = await placeOrder(t.api, carol.token, [{ product_id: p.id, quantity: 1 }]);
    const c2 = await placeOrder(t.api, carol.token, [{ product_id: p.id, quantity: 1 }]);
    const d1 = await placeOrder(t.api, dave.token, [{ product_id: p.id, quantity: 1 }]);

    const carols = await t.api.get('/api/v1/orders', { token: carol.token });
    expect(carols.body.items.map((o: { id: number }) => o.id)).toEqual([c2.id, c1.id]);
    expect(carols.body.total).toBe(2);
    // user_id is ignored for users: Carol still sees only her own.
    const sneaky = await t.api.get('/api/v1/orders', { token: carol.token, query: { user_id: dave.id } });
    expect(sneaky.body.items.map((o: { user_id: number }) => o.user_id)).toEqual([carol.id, carol.id]);

    const all = await t.api.get('/api/v1/orders', { token: admin.token, query: { page_size: 100 } });
    expect(all.body.items.map((o: { id: number }) => o.id)).toEqual(expect.arrayContaining([c1.id, c2.id, d1.id]));
    const davesOnly = await t.api.get('/api/v1/orders', { token: admin.token, query: { user_id: dave.id } });
    expect(davesOnly.body.items.map((o: { id: number }) => o.id)).toEqual([d1.id]);

    await waitForOrder(t.api, carol.token, c1.id);
    await waitForOrder(t.api, carol.token, c2.id);
    await t.api.post(`/api/v1/orders/${c1.id}/cancel`, { token: carol.token });
    const cancelled = await t.api.get('/api/v1/orders', { token: carol.token, query: { status: 'cancelled' } });
    expect(cancelled.body.items.map((o: { id: number }) => o.id)).toEqual([c1.id]);
    const paged = await t.api.get('/api/v1/orders', { token: carol.token, query: { page_size: 1 } });
    expect(paged.body).toMatchObject({ total: 2, page_size: 1, has_next: true });
  });

  it('returns 401 without a token and 422 for a bad status', async () => {
    expect((await t.api.get('/api/v1/orders')).status).toBe(401);
    expect((await t.api.get('/api/v1/orders', { token: alice.token, query: { status: 'lost' } })).status).toBe(422);
  });
});

describe('PATCH /orders/{id}/status', () => {
  async function completedOrder() {
    const p = await createProduct(t.api, admin.token, { stock: 10 });
    const order = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 2 }]);
    const done = await waitForOrder(t.api, alice.token, order.id);
    expect(done.body.status).toBe('completed');
    return { order: done.body as { id: number }, etag: done.headers.etag as string, product: p };
  }

  it('moves completed -> shipped -> delivered, and refuses other transitions with 409 naming the status', async () => {
    const { order } = await completedOrder();
    const shipped = await t.api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'shipped' },
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('shipped');
    expect(shipped.headers.etag).toBeDefined();
    const cancel = await t.api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.detail).toBe('Cannot change an order from shipped to cancelled');
    const delivered = await t.api.put(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'delivered' },
    });
    expect(delivered.body.status).toBe('delivered');
    const back = await t.api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      body: { status: 'pending' },
    });
    expect(back.status).toBe(409);
    expect(back.body.detail).toContain('from delivered');
  });

  it('refuses a stale If-Match with 412 and changes nothing; of two racing admins one wins', async () => {
    const { order, etag } = await completedOrder();
    const results = await Promise.all(
      ['shipped', 'cancelled'].map((status) =>
        t.api.patch(`/api/v1/orders/${order.id}/status`, {
          token: admin.token,
          headers: { 'if-match': etag },
          body: { status },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    const stale = await t.api.patch(`/api/v1/orders/${order.id}/status`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { status: 'delivered' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.api.get(`/api/v1/orders/${order.id}`, { token: admin.token })).body.status).toBe(
      winner.body.status,
    );
  });

  it('is admin-only (403), 404 for an unknown order, 422 for an unknown status', async () => {
    const { order } = await completedOrder();
    expect(
      (await t.api.patch(`/api/v1/orders/${order.id}/status`, { token: alice.token, body: { status: 'shipped' } }))
        .status,
    ).toBe(403);
    expect(
      (await t.api.patch('/api/v1/orders/999999/status', { token: admin.token, body: { status: 'shipped' } })).status,
    ).toBe(404);
    expect(
      (await t.api.patch(`/api/v1/orders/${order.id}/status`, { token: admin.token, body: { status: 'lost' } })).status,
    ).toBe(422);
  });
});

describe('POST /orders/{id}/cancel and DELETE /orders/{id}', () => {
  it('cancels a completed order and returns its stock, once', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 10 });
    const order = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 4 }]);
    await waitForOrder(t.api, alice.token, order.id);
    expect(await stockOf(p.id)).toBe(6);
    const res = await t.api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'success', message: 'Order cancelled successfully', order_id: order.id });
    expect(await stockOf(p.id)).toBe(10);
    const again = await t.api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token });
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('Cannot change an order from cancelled to cancelled');
    expect(await stockOf(p.id)).toBe(10);
  });

  it('cancels a fresh order; whatever processing did, stock ends where it began', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 10 });
    const order = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 3 }]);
    expect((await t.api.post(`/api/v1/orders/${order.id}/cancel`, { token: alice.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200)); // let a queued job run: it must leave a cancelled order alone
    expect((await t.api.get(`/api/v1/orders/${order.id}`, { token: alice.token })).body.status).toBe('cancelled');
    expect(await stockOf(p.id)).toBe(10);
  });

  it('refuses another user (403), lets an admin cancel, 404 when absent; DELETE answers 204', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 10 });
    const a = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    expect((await t.api.post(`/api/v1/orders/${a.id}/cancel`, { token: bob.token })).status).toBe(403);
    expect((await t.api.delete(`/api/v1/orders/${a.id}`, { token: bob.token })).status).toBe(403);
    expect((await t.api.post(`/api/v1/orders/${a.id}/cancel`, { token: admin.token })).status).toBe(200);
    expect((await t.api.post('/api/v1/orders/999999/cancel', { token: alice.token })).status).toBe(404);
    const b = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    await waitForOrder(t.api, alice.token, b.id);
    expect((await t.api.delete(`/api/v1/orders/${b.id}`, { token: alice.token })).status).toBe(204);
    expect((await t.api.get(`/api/v1/orders/${b.id}`, { token: alice.token })).body.status).toBe('cancelled');
    expect((await t.api.delete(`/api/v1/orders/${b.id}`, { token: alice.token })).status).toBe(409);
    expect(await stockOf(p.id)).toBe(10);
  });
});

describe('deleting an ordered product', () => {
  it('soft-deletes it: 404 and out of lists, while orders keep their snapshots', async () => {
    const p = await createProduct(t.api, admin.token, {
      name: 'Vintage lamp',
      price: 42.5,
      stock: 3,
      category: 'soft-delete-test',
    });
    const order = await placeOrder(t.api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    await waitForOrder(t.api, alice.token, order.id);
    expect((await t.api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    expect((await t.api.get('/api/v1/products', { query: { category: 'soft-delete-test' } })).body.total).toBe(0);
    const kept = await t.api.get(`/api/v1/orders/${order.id}`, { token: alice.token });
    expect(kept.body.items[0]).toMatchObject({ product_id: p.id, product_name: 'Vintage lamp', unit_price: 42.5 });
    expect(kept.body.total_amount).toBe(42.5);
    const row = await t.database.handle.db
      .selectFrom('products')
      .select('deleted_at')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });
});
