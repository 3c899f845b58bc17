// The database and the contract agree on stock: at most 1,000,000,000 units
// (the contract's Stock maximum, a CHECK constraint in the database). A
// cancellation that would return stock past it is refused with 409 and
// changes nothing, where it used to store 1,000,001,000 and break getProduct.
import { sql } from 'kysely';
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { createProduct } from '../../helpers/catalogue.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../../helpers/orders.js';

const test = appTest(QUEUE_ENV);

const MAX_STOCK = 1_000_000_000;

describe('stock bounds', () => {
  test('refuses a cancellation that would return stock past the maximum, changing nothing', async ({
    admin,
    api,
    user,
  }) => {
    const product = await createProduct(api, admin.token, { stock: 2000 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1000 }]);
    expect((await waitForOrder(api, user.token, order.id)).body.status).toBe('completed');
    const restock = await api.patch(`/api/v1/products/${product.id}`, {
      token: admin.token,
      body: { stock: MAX_STOCK },
    });
    expect(restock.status).toBe(200);

    const cancel = await api.post(`/api/v1/orders/${order.id}/cancel`, { token: user.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('CONFLICT');
    expect(cancel.body.detail).toContain('1000000000');
    expect((await api.get(`/api/v1/products/${product.id}`)).body.stock).toBe(MAX_STOCK);
    expect((await api.get(`/api/v1/orders/${order.id}`, { token: user.token })).body.status).toBe('completed');
  });

  test('has the database refuse stock past the maximum, whoever writes it', async ({ admin, api, db }) => {
    const product = await createProduct(api, admin.token, { stock: 1 });
    await expect(
      sql`update products set stock = ${MAX_STOCK + 1} where id = ${product.id}`.execute(db),
    ).rejects.toThrow(/products_stock_max|check constraint/);
  });
});
