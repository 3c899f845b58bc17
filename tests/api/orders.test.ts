import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { createProduct } from '../helpers/catalogue.js';
import { registerUser, type TestUser } from '../helpers/factories.js';
import { ADDRESS, type Items, placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';
import type { TestClient } from '../helpers/test-client.js';

const test = appTest(QUEUE_ENV)
  .extend('alice', { scope: 'file' }, ({ api }) => registerUser(api))
  .extend('bob', { scope: 'file' }, ({ api }) => registerUser(api));

const orderPath = (order_id: number) => ({ params: { path: { order_id } } });
const stockOf = async (api: TestClient, product_id: number) =>
  (await api.GET('/products/{product_id}', { params: { path: { product_id } } })).data?.stock;
/** POST /orders with an Idempotency-Key. */
const placeWithKey = (api: TestClient, token: string, key: string, items: Items) =>
  api.as(token).POST('/orders', {
    params: { header: { 'Idempotency-Key': key } },
    body: { items, shipping_address: ADDRESS },
  });

describe('POST /orders', () => {
  test('accepts the order as pending (201, Location, ETag), then processes it to completed', async ({
    admin,
    alice,
    api,
  }) => {
    const p = await createProduct(api, admin.token, { price: 19.99, stock: 10, name: 'Widget' });
    const { data, response } = await api.as(alice.token).POST('/orders', {
      body: { items: [{ product_id: p.id, quantity: 3 }], shipping_address: ADDRESS },
    });
    expect(response.status).toBe(201);
    // Placed at this moment's prices: the total and each item's name and price are already fixed.
    // 3 x 19.99 is 59.97 exactly (in floats it would be 59.970000000000006).
    expect(data).toMatchObject({
      user_id: alice.id,
      status: 'pending',
      total_amount: 59.97,
      shipping_address: ADDRESS,
      failure_reason: null,
    });
    expect(data?.items).toEqual([
      { id: expect.any(Number), product_id: p.id, product_name: 'Widget', quantity: 3, unit_price: 19.99 },
    ]);
    expect(response.headers.get('location')).toBe(`/api/v1/orders/${data?.id}`);
    expect(response.headers.get('etag')).toBe(`"o${data?.id}-v1"`);

    const done = await waitForOrder(api, alice.token, data!.id);
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
    const { error, response } = await api
      .as(alice.token)
      .POST('/orders', { body: { items, shipping_address: ADDRESS } });
    expect(response.status).toBe(422);
    expect(error?.code).toBe('VALIDATION_ERROR');
    expect(error?.errors).toEqual([
      { path: '/body/items/3/product_id', message: expect.stringContaining(String(ps[1]!.id)) },
    ]);
  });

  test('returns 422 for no items, 101 items, quantity 0 or 1001, a short address', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token);
    const many = Array.from({ length: 101 }, (_, i) => ({ product_id: i + 1, quantity: 1 }));
    const asAlice = api.as(alice.token);
    const bodies = [
      { items: [], shipping_address: ADDRESS },
      { items: many, shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 0 }], shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 1001 }], shipping_address: ADDRESS },
      { items: [{ product_id: p.id, quantity: 1 }], shipping_address: 'x' },
    ];
    for (const body of bodies) expect((await asAlice.POST('/orders', { body })).response.status).toBe(422);
    // Outside the contract on purpose (no shipping_address): the untyped escape.
    const noAddress = { items: [{ product_id: p.id, quantity: 1 }] };
    expect((await asAlice.send('POST', '/api/v1/orders', { body: noAddress })).status).toBe(422);
  });

  test('returns 400 naming an unknown or deleted product', async ({ admin, alice, api }) => {
    const gone = await createProduct(api, admin.token);
    await api.as(admin.token).DELETE('/products/{product_id}', { params: { path: { product_id: gone.id } } });
    for (const id of [999999, gone.id]) {
      const { error, response } = await api.as(alice.token).POST('/orders', {
        body: { items: [{ product_id: id, quantity: 1 }], shipping_address: ADDRESS },
      });
      expect(response.status).toBe(400);
      expect(error?.code).toBe('BAD_REQUEST');
      expect(error?.detail).toContain(String(id));
    }
  });

  test('returns 401 without a token', async ({ api }) => {
    const body = { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS };
    expect((await api.POST('/orders', { body })).response.status).toBe(401);
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
    const first = await placeWithKey(api, alice.token, key, items);
    const again = await placeWithKey(api, alice.token, key, items);
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data?.id).toBe(first.data?.id);
    expect(again.response.headers.get('location')).toBe(first.response.headers.get('location'));
    const other = await placeWithKey(api, alice.token, key, [{ product_id: p.id, quantity: 2 }]);
    expect(other.response.status).toBe(409);
    expect(other.error?.code).toBe('CONFLICT');
    // Keys are per user: Bob's identical key is a different order.
    const bobs = await placeWithKey(api, bob.token, key, items);
    expect(bobs.response.status).toBe(201);
    expect(bobs.data?.id).not.toBe(first.data?.id);
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
    const { data, response } = await placeWithKey(api, alice.token, key, [{ product_id: p.id, quantity: 5 }]);
    expect(response.status).toBe(201);
    expect(data?.id).not.toBe(first.id);
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
    const own = await api.as(alice.token).GET('/orders/{order_id}', orderPath(order.id));
    expect(own.response.status).toBe(200);
    expect(own.response.headers.get('etag')).toMatch(new RegExp(`^"o${order.id}-v\\d+"$`));
    expect((await api.as(admin.token).GET('/orders/{order_id}', orderPath(order.id))).response.status).toBe(200);
    const other = await api.as(bob.token).GET('/orders/{order_id}', orderPath(order.id));
    expect(other.response.status).toBe(403);
    expect(other.error?.code).toBe('AUTHORIZATION_ERROR');
    expect((await api.as(alice.token).GET('/orders/{order_id}', orderPath(999999))).response.status).toBe(404);
    expect((await api.GET('/orders/{order_id}', orderPath(order.id))).response.status).toBe(401);
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

    const asCarol = api.as(carol.token);
    const asAdmin = api.as(admin.token);
    const carols = (await asCarol.GET('/orders')).data;
    expect(carols?.items.map((o) => o.id)).toEqual([c2.id, c1.id]);
    expect(carols?.total).toBe(2);
    // user_id is ignored for users: Carol still sees only her own.
    const sneaky = (await asCarol.GET('/orders', { params: { query: { user_id: dave.id } } })).data;
    expect(sneaky?.items.map((o) => o.user_id)).toEqual([carol.id, carol.id]);

    const all = (await asAdmin.GET('/orders', { params: { query: { page_size: 100 } } })).data;
    expect(all?.items.map((o) => o.id)).toEqual(expect.arrayContaining([c1.id, c2.id, d1.id]));
    const davesOnly = (await asAdmin.GET('/orders', { params: { query: { user_id: dave.id } } })).data;
    expect(davesOnly?.items.map((o) => o.id)).toEqual([d1.id]);

    await waitForOrder(api, carol.token, c1.id);
    await waitForOrder(api, carol.token, c2.id);
    await asCarol.POST('/orders/{order_id}/cancel', orderPath(c1.id));
    const cancelled = (await asCarol.GET('/orders', { params: { query: { status: 'cancelled' } } })).data;
    expect(cancelled?.items.map((o) => o.id)).toEqual([c1.id]);
    const paged = (await asCarol.GET('/orders', { params: { query: { page_size: 1 } } })).data;
    expect(paged).toMatchObject({ total: 2, page_size: 1, has_next: true });
  });

  test('returns 401 without a token and 422 for a bad status', async ({ alice, api }) => {
    expect((await api.GET('/orders')).response.status).toBe(401);
    // Outside the contract on purpose (a status the enum does not have): the untyped escape.
    expect((await api.as(alice.token).send('GET', '/api/v1/orders?status=lost')).status).toBe(422);
  });
});

describe('PATCH /orders/{id}/status', () => {
  async function completedOrder({ admin, alice, api }: { admin: TestUser; alice: TestUser; api: TestClient }) {
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
    const asAdmin = api.as(admin.token);
    const shipped = await asAdmin.PATCH('/orders/{order_id}/status', {
      ...orderPath(order.id),
      body: { status: 'shipped' },
    });
    expect(shipped.response.status).toBe(200);
    expect(shipped.data?.status).toBe('shipped');
    expect(shipped.response.headers.get('etag')).not.toBeNull();
    const cancel = await api.as(alice.token).POST('/orders/{order_id}/cancel', orderPath(order.id));
    expect(cancel.response.status).toBe(409);
    expect(cancel.error?.detail).toBe('Cannot change an order from shipped to cancelled');
    const delivered = await asAdmin.PUT('/orders/{order_id}/status', {
      ...orderPath(order.id),
      body: { status: 'delivered' },
    });
    expect(delivered.data?.status).toBe('delivered');
    const back = await asAdmin.PATCH('/orders/{order_id}/status', {
      ...orderPath(order.id),
      body: { status: 'pending' },
    });
    expect(back.response.status).toBe(409);
    expect(back.error?.detail).toContain('from delivered');
  });

  test('refuses a stale If-Match with 412 and changes nothing; of two racing admins one wins', async ({
    admin,
    alice,
    api,
  }) => {
    const { order, etag } = await completedOrder({ admin, alice, api });
    const asAdmin = api.as(admin.token);
    const setStatus = (status: 'shipped' | 'cancelled' | 'delivered') =>
      asAdmin.PATCH('/orders/{order_id}/status', {
        params: { path: { order_id: order.id }, header: { 'If-Match': etag } },
        body: { status },
      });
    const results = await Promise.all([setStatus('shipped'), setStatus('cancelled')]);
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.response.status === 200)!;
    const stale = await setStatus('delivered');
    expect(stale.response.status).toBe(412);
    expect(stale.error?.code).toBe('PRECONDITION_FAILED');
    expect((await asAdmin.GET('/orders/{order_id}', orderPath(order.id))).data?.status).toBe(winner.data?.status);
  });

  test('is admin-only (403), 404 for an unknown order, 422 for an unknown status', async ({ admin, alice, api }) => {
    const { order } = await completedOrder({ admin, alice, api });
    const ship = (client: TestClient, order_id: number) =>
      client.PATCH('/orders/{order_id}/status', { ...orderPath(order_id), body: { status: 'shipped' } });
    expect((await ship(api.as(alice.token), order.id)).response.status).toBe(403);
    expect((await ship(api.as(admin.token), 999999)).response.status).toBe(404);
    // Outside the contract on purpose (a status the enum does not have): the untyped escape.
    const lost = await api
      .as(admin.token)
      .send('PATCH', `/api/v1/orders/${order.id}/status`, { body: { status: 'lost' } });
    expect(lost.status).toBe(422);
  });
});

describe('POST /orders/{id}/cancel and DELETE /orders/{id}', () => {
  test('cancels a completed order and returns its stock, once', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 4 }]);
    await waitForOrder(api, alice.token, order.id);
    expect(await stockOf(api, p.id)).toBe(6);
    const asAlice = api.as(alice.token);
    const { data, response } = await asAlice.POST('/orders/{order_id}/cancel', orderPath(order.id));
    expect(response.status).toBe(200);
    expect(data).toEqual({ status: 'success', message: 'Order cancelled successfully', order_id: order.id });
    expect(await stockOf(api, p.id)).toBe(10);
    const again = await asAlice.POST('/orders/{order_id}/cancel', orderPath(order.id));
    expect(again.response.status).toBe(409);
    expect(again.error?.detail).toBe('Cannot change an order from cancelled to cancelled');
    expect(await stockOf(api, p.id)).toBe(10);
  });

  test('cancels a fresh order; whatever processing did, stock ends where it began', async ({ admin, alice, api }) => {
    const p = await createProduct(api, admin.token, { stock: 10 });
    const order = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 3 }]);
    const asAlice = api.as(alice.token);
    expect((await asAlice.POST('/orders/{order_id}/cancel', orderPath(order.id))).response.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200)); // let a queued job run: it must leave a cancelled order alone
    expect((await asAlice.GET('/orders/{order_id}', orderPath(order.id))).data?.status).toBe('cancelled');
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
    const asAlice = api.as(alice.token);
    const asBob = api.as(bob.token);
    const asAdmin = api.as(admin.token);
    expect((await asBob.POST('/orders/{order_id}/cancel', orderPath(a.id))).response.status).toBe(403);
    expect((await asBob.DELETE('/orders/{order_id}', orderPath(a.id))).response.status).toBe(403);
    expect((await asAdmin.POST('/orders/{order_id}/cancel', orderPath(a.id))).response.status).toBe(200);
    expect((await asAlice.POST('/orders/{order_id}/cancel', orderPath(999999))).response.status).toBe(404);
    const b = await placeOrder(api, alice.token, [{ product_id: p.id, quantity: 1 }]);
    await waitForOrder(api, alice.token, b.id);
    expect((await asAlice.DELETE('/orders/{order_id}', orderPath(b.id))).response.status).toBe(204);
    expect((await asAlice.GET('/orders/{order_id}', orderPath(b.id))).data?.status).toBe('cancelled');
    expect((await asAlice.DELETE('/orders/{order_id}', orderPath(b.id))).response.status).toBe(409);
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
    const productPath = { params: { path: { product_id: p.id } } };
    expect((await api.as(admin.token).DELETE('/products/{product_id}', productPath)).response.status).toBe(204);
    expect((await api.GET('/products/{product_id}', productPath)).response.status).toBe(404);
    const listed = await api.GET('/products', { params: { query: { category: 'soft-delete-test' } } });
    expect(listed.data?.total).toBe(0);
    const kept = (await api.as(alice.token).GET('/orders/{order_id}', orderPath(order.id))).data;
    expect(kept?.items[0]).toMatchObject({ product_id: p.id, product_name: 'Vintage lamp', unit_price: 42.5 });
    expect(kept?.total_amount).toBe(42.5);
    const row = await db.selectFrom('products').select('deleted_at').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });
});
