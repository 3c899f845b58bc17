// A body the contract does not declare is ignored: `curl -X POST … -d hi` on
// an operation without a request body answers as if no body had been sent,
// and an unknown path or an unserved method answers 404 or 405 whatever body
// came with it, never a 400 the operation does not document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';
import { placeOrder } from '../../helpers/orders.js';

const STRAY_BODIES: Array<[string, { payload: string; headers: Record<string, string> }]> = [
  ['malformed JSON', { payload: '{"bad": ', headers: { 'content-type': 'application/json' } }],
  ['a text/plain body', { payload: 'hi', headers: { 'content-type': 'text/plain' } }],
  ['a body without Content-Type', { payload: 'hi', headers: {} }],
  ['a 2 MiB body', { payload: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'text/plain' } }],
];

describe('bodies the contract does not declare', () => {
  let t: TestApp;
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createAdmin(t.api, t.database.handle.db);
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  it.each(STRAY_BODIES)('are ignored on operations without a request body: %s', async (_name, stray) => {
    const created = await t.api.post('/api/v1/products', {
      token: admin.token,
      body: { name: 'Stray body', price: 3, stock: 5 },
    });
    expect(created.status).toBe(201);
    const order = await placeOrder(t.api, user.token, [{ product_id: created.body.id, quantity: 1 }]);

    const cancelled = await t.api.request('POST', `/api/v1/orders/${order.id}/cancel`, { token: user.token, ...stray });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.order_id).toBe(order.id);
    expect((await t.api.get(`/api/v1/orders/${order.id}`, { token: user.token })).body.status).toBe('cancelled');

    const deleted = await t.api.request('DELETE', `/api/v1/products/${created.body.id}`, {
      token: admin.token,
      ...stray,
    });
    expect(deleted.status, deleted.text).toBe(204);
    expect((await t.api.get(`/api/v1/products/${created.body.id}`)).status).toBe(404);
  });

  it.each(STRAY_BODIES)('leave 404 and 405 as they are: %s', async (_name, stray) => {
    const unknown = await t.api.request('POST', '/api/v1/nothing-here', stray);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const unserved = await t.api.request('PATCH', '/api/v1/users/1/role', { token: admin.token, ...stray });
    expect(unserved.status).toBe(405);
    expect(unserved.body.code).toBe('METHOD_NOT_ALLOWED');
    expect(unserved.headers.allow).toBe('PUT');
  });

  it('still parses and validates the bodies the contract declares', async () => {
    const res = await t.api.request('POST', '/api/v1/products', {
      token: admin.token,
      payload: '{"bad": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    // The media type of the contract's errors is not one it accepts as a request body.
    const problem = await t.api.request('POST', '/api/v1/products', {
      token: admin.token,
      payload: '{"name": "x", "price": 1, "stock": 1}',
      headers: { 'content-type': 'application/problem+json' },
    });
    expect(problem.status).toBe(400);
    expect(problem.body.detail).toMatch(/Content-Type/);
  });
});
