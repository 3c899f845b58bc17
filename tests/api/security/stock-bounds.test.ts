// The database and the contract agree on stock: at most 1,000,000,000 units
// (the contract's Stock maximum, a CHECK constraint in the database). A
// cancellation that would return stock past it is refused with 409 and
// changes nothing, where it used to store 1,000,001,000 and break getProduct.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createProduct } from '../../helpers/catalogue.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../../helpers/orders.js';

const MAX_STOCK = 1_000_000_000;

describe('stock bounds', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp(QUEUE_ENV);
    admin = await createAdmin(t.api, t.database.handle.db);
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  it('refuses a cancellation that would return stock past the maximum, changing nothing', async () => {
    const product = await createProduct(t.api, admin.token, { stock: 2000 });
    const order = await placeOrder(t.api, user.token, [{ product_id: product.id, quantity: 1000 }]);
    expect((await waitForOrder(t.api, user.token, order.id)).body.status).toBe('completed');
    const restock = await t.api.patch(`/api/v1/products/${product.id}`, {
      token: admin.token,
      body: { stock: MAX_STOCK },
    });
    expect(restock.status).toBe(200);

    const cancel = await t.api.post(`/api/v1/orders/${order.id}/cancel`, { token: user.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('CONFLICT');
    expect(cancel.body.detail).toContain('1000000000');
    expect((await t.api.get(`/api/v1/products/${product.id}`)).body.stock).toBe(MAX_STOCK);
    expect((await t.api.get(`/api/v1/orders/${order.id}`, { token: user.token })).body.status).toBe('completed');
  });

  it('has the database refuse stock past the maximum, whoever writes it', async () => {
    const product = await createProduct(t.api, admin.token, { stock: 1 });
    await expect(
      sql`update products set stock = ${MAX_STOCK + 1} where id = ${product.id}`.execute(t.database.handle.db),
    ).rejects.toThrow(/products_stock_max|check constraint/);
  });
});
