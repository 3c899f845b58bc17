// A body the contract does not declare is ignored: `curl -X POST … -d hi` on
// an operation without a request body answers as if no body had been sent,
// and an unknown path or an unserved method answers 404 or 405 whatever body
// came with it, never a 400 the operation does not document.
import { describe, expect } from 'vitest';
import { createProduct } from '../../helpers/catalogue.js';
import { appTest } from '../../helpers/fixtures.js';
import { placeOrder } from '../../helpers/orders.js';

const test = appTest();

const STRAY_BODIES: Array<[string, { payload: string; headers: Record<string, string> }]> = [
  ['malformed JSON', { payload: '{"bad": ', headers: { 'content-type': 'application/json' } }],
  ['a text/plain body', { payload: 'hi', headers: { 'content-type': 'text/plain' } }],
  ['a body without Content-Type', { payload: 'hi', headers: {} }],
  ['a 2 MiB body', { payload: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'text/plain' } }],
];

describe('bodies the contract does not declare', () => {
  test.for(STRAY_BODIES)(
    'are ignored on operations without a request body: %s',
    async ([_name, stray], { admin, api, user }) => {
      const product = await createProduct(api, admin.token, { name: 'Stray body', price: 3, stock: 5 });
      const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);

      // A body where the contract declares none: the untyped escape.
      const cancelled = await api.as(user.token).send('POST', `/api/v1/orders/${order.id}/cancel`, stray);
      expect(cancelled.status, cancelled.text).toBe(200);
      expect(cancelled.body).toMatchObject({ order_id: order.id });
      const stored = await api.as(user.token).GET('/orders/{order_id}', { params: { path: { order_id: order.id } } });
      expect(stored.data?.status).toBe('cancelled');

      const deleted = await api.as(admin.token).send('DELETE', `/api/v1/products/${product.id}`, stray);
      expect(deleted.status, deleted.text).toBe(204);
      const gone = await api.GET('/products/{product_id}', { params: { path: { product_id: product.id } } });
      expect(gone.response.status).toBe(404);
    },
  );

  test.for(STRAY_BODIES)('leave 404 and 405 as they are: %s', async ([_name, stray], { admin, api }) => {
    const unknown = await api.send('POST', '/api/v1/nothing-here', stray);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
    const unserved = await api.as(admin.token).send('PATCH', '/api/v1/users/1/role', stray);
    expect(unserved.status).toBe(405);
    expect(unserved.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(unserved.headers.get('allow')).toBe('PUT');
  });

  test('still parses and validates the bodies the contract declares', async ({ admin, api }) => {
    const asAdmin = api.as(admin.token);
    const res = await asAdmin.send('POST', '/api/v1/products', {
      payload: '{"bad": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST' });
    // The media type of the contract's errors is not one it accepts as a request body.
    const problem = await asAdmin.send('POST', '/api/v1/products', {
      payload: '{"name": "x", "price": 1, "stock": 1}',
      headers: { 'content-type': 'application/problem+json' },
    });
    expect(problem.status).toBe(400);
    expect(problem.body).toMatchObject({ detail: expect.stringMatching(/Content-Type/) });
  });
});
