// Only order processing sets `processing`, `completed` and `failed`: it is
// what snapshots prices, computes the total and takes stock. An admin moving
// an order there by hand made a `completed` order with no prices and no stock
// taken. Admins ship, deliver and cancel; anything else is 409
// INVALID_TRANSITION naming the current status.
import { describe, expect } from 'vitest';
import type { OrderStatusUpdate } from '../../../sdk/src/index.js';
import { appTest } from '../../helpers/fixtures.js';
import { createProduct } from '../../helpers/catalogue.js';
import { placeOrder, QUEUE_ENV } from '../../helpers/orders.js';

const test = appTest({ ...QUEUE_ENV, RUN_WORKER: 'false' })
  .extend('pendingOrder', { scope: 'file' }, ({ admin, api, user }) => async () => {
    const product = await createProduct(api, admin.token, { stock: 10 });
    return placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
  })
  .extend(
    'setStatus',
    { scope: 'file' },
    ({ admin, api }) =>
      async (order_id: number, status: OrderStatusUpdate['status'], method: 'PATCH' | 'PUT' = 'PATCH') => {
        const asAdmin = api.as(admin.token);
        const init = { params: { path: { order_id } }, body: { status } };
        // PUT is the deprecated alias of PATCH: both must refuse the same transitions.
        const { data, error, response } = await (method === 'PATCH'
          ? asAdmin.PATCH('/orders/{order_id}/status', init)
          : asAdmin.PUT('/orders/{order_id}/status', init));
        return { status: response.status, order: data, problem: error };
      },
  );

describe('admin order status changes', () => {
  // No worker: orders stay `pending` until this test moves them.

  test.for(['processing', 'completed', 'failed'] as const)(
    'refuses to set %s by hand on a pending order (409 INVALID_TRANSITION naming pending)',
    async (status, { admin, api, pendingOrder, setStatus }) => {
      const order = await pendingOrder();
      for (const method of ['PATCH', 'PUT'] as const) {
        const res = await setStatus(order.id, status, method);
        expect(res.status).toBe(409);
        expect(res.problem?.code).toBe('INVALID_TRANSITION');
        expect(res.problem?.detail).toContain('pending');
      }
      const after = await api.as(admin.token).GET('/orders/{order_id}', { params: { path: { order_id: order.id } } });
      expect(after.data?.status).toBe('pending');
    },
  );

  test('refuses to complete or fail an order that processing holds', async ({ db, pendingOrder, setStatus }) => {
    const order = await pendingOrder();
    await db.updateTable('orders').set({ status: 'processing' }).where('id', '=', order.id).execute();
    for (const status of ['completed', 'failed'] as const) {
      const res = await setStatus(order.id, status);
      expect(res.status).toBe(409);
      expect(res.problem?.code).toBe('INVALID_TRANSITION');
      expect(res.problem?.detail).toContain('processing');
    }
  });

  test('lets an admin cancel a pending order', async ({ pendingOrder, setStatus }) => {
    const order = await pendingOrder();
    const res = await setStatus(order.id, 'cancelled');
    expect(res.status).toBe(200);
    expect(res.order?.status).toBe('cancelled');
  });

  test('refuses shipping a pending order, naming its status', async ({ pendingOrder, setStatus }) => {
    const order = await pendingOrder();
    const res = await setStatus(order.id, 'shipped');
    expect(res.status).toBe(409);
    expect(res.problem).toMatchObject({
      code: 'INVALID_TRANSITION',
      detail: 'Cannot change an order from pending to shipped',
    });
  });
});
