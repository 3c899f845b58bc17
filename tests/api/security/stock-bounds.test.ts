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
    expect((await waitForOrder(api, user.token, order.id)).data.status).toBe('completed');
    const restock = await api.as(admin.token).PATCH('/products/{product_id}', {
      params: { path: { product_id: product.id } },
      body: { stock: MAX_STOCK },
    });
    expect(restock.response.status).toBe(200);

    const asUser = api.as(user.token);
    const orderPath = { params: { path: { order_id: order.id } } };
    const cancel = await asUser.POST('/orders/{order_id}/cancel', orderPath);
    expect(cancel.response.status).toBe(409);
    expect(cancel.error?.code).toBe('CONFLICT');
    expect(cancel.error?.detail).toContain('1000000000');
    const stored = await api.GET('/products/{product_id}', { params: { path: { product_id: product.id } } });
    expect(stored.data?.stock).toBe(MAX_STOCK);
    expect((await asUser.GET('/orders/{order_id}', orderPath)).data?.status).toBe('completed');
  });

  test('has the database refuse stock past the maximum, whoever writes it', async ({ admin, api, db }) => {
    const product = await createProduct(api, admin.token, { stock: 1 });
    await expect(
      sql`update products set stock = ${MAX_STOCK + 1} where id = ${product.id}`.execute(db),
    ).rejects.toThrow(/products_stock_max|check constraint/);
  });
});
