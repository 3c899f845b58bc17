// Only order processing sets `processing`, `completed` and `failed`: it is
// what snapshots prices, computes the total and takes stock. An admin moving
// an order there by hand made a `completed` order with no prices and no stock
// taken. Admins ship, deliver and cancel; anything else is 409
// INVALID_TRANSITION naming the current status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createProduct } from '../../helpers/catalogue.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';
import { placeOrder, QUEUE_ENV } from '../../helpers/orders.js';

describe('admin order status changes', () => {
  // No worker: orders stay `pending` until this test moves them.
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp({ ...QUEUE_ENV, RUN_WORKER: 'false' });
    admin = await createAdmin(t.api, t.database.handle.db);
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  async function pendingOrder() {
    const product = await createProduct(t.api, admin.token, { stock: 10 });
    return placeOrder(t.api, user.token, [{ product_id: product.id, quantity: 1 }]);
  }
  const setStatus = (id: number, status: string, method: 'patch' | 'put' = 'patch') =>
    t.api[method](`/api/v1/orders/${id}/status`, { token: admin.token, body: { status } });

  it.each(['processing', 'completed', 'failed'])(
    'refuses to set %s by hand on a pending order (409 INVALID_TRANSITION naming pending)',
    async (status) => {
      const order = await pendingOrder();
      for (const method of ['patch', 'put'] as const) {
        const res = await setStatus(order.id, status, method);
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('INVALID_TRANSITION');
        expect(res.body.detail).toContain('pending');
      }
      const after = await t.api.get(`/api/v1/orders/${order.id}`, { token: admin.token });
      expect(after.body.status).toBe('pending');
    },
  );

  it('refuses to complete or fail an order that processing holds', async () => {
    const order = await pendingOrder();
    await t.database.handle.db.updateTable('orders').set({ status: 'processing' }).where('id', '=', order.id).execute();
    for (const status of ['completed', 'failed']) {
      const res = await setStatus(order.id, status);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      expect(res.body.detail).toContain('processing');
    }
  });

  it('lets an admin cancel a pending order', async () => {
    const order = await pendingOrder();
    const res = await setStatus(order.id, 'cancelled');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
  });

  it('refuses shipping a pending order, naming its status', async () => {
    const order = await pendingOrder();
    const res = await setStatus(order.id, 'shipped');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      detail: 'Cannot change an order from pending to shipped',
    });
  });
});
