// A body the contract does not declare is ignored: `curl -X POST … -d hi` on
// an operation without a request body answers as if no body had been sent,
// and an unknown path or an unserved method answers 404 or 405 whatever body
// came with it, never a 400 the operation does not document.
import { describe, expect } from 'vitest';
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
      const created = await api.post('/api/v1/products', {
        token: admin.token,
        body: { name: 'Stray body', price: 3, stock: 5 },
      });
      expect(created.status).toBe(201);
      const order = await placeOrder(api, user.token, [{ product_id: created.body.id, quantity: 1 }]);

      const cancelled = await api.request('POST', `/api/v1/orders/${order.id}/cancel`, { token: user.token, ...stray });
      expect(cancelled.status, cancelled.text).toBe(200);
      expect(cancelled.body.order_id).toBe(order.id);
      expect((await api.get(`/api/v1/orders/${order.id}`, { token: user.token })).body.status).toBe('cancelled');

      const deleted = await api.request('DELETE', `/api/v1/products/${created.body.id}`, {
        token: admin.token,
        ...stray,
      });
      expect(deleted.status, deleted.text).toBe(204);
      expect((await api.get(`/api/v1/products/${created.body.id}`)).status).toBe(404);
    },
  );

  test.for(STRAY_BODIES)('leave 404 and 405 as they are: %s', async ([_name, stray], { admin, api }) => {
    const unknown = await api.request('POST', '/api/v1/nothing-here', stray);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const unserved = await api.request('PATCH', '/api/v1/users/1/role', { token: admin.token, ...stray });
    expect(unserved.status).toBe(405);
    expect(unserved.body.code).toBe('METHOD_NOT_ALLOWED');
    expect(unserved.headers.allow).toBe('PUT');
  });

  test('still parses and validates the bodies the contract declares', async ({ admin, api }) => {
    const res = await api.request('POST', '/api/v1/products', {
      token: admin.token,
      payload: '{"bad": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    // The media type of the contract's errors is not one it accepts as a request body.
    const problem = await api.request('POST', '/api/v1/products', {
      token: admin.token,
      payload: '{"name": "x", "price": 1, "stock": 1}',
      headers: { 'content-type': 'application/problem+json' },
    });
    expect(problem.status).toBe(400);
    expect(problem.body.detail).toMatch(/Content-Type/);
  });
});
