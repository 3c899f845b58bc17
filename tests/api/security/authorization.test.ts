// OWASP API1 (object level) and API5 (function level) authorization, driven
// by the contract so that a new operation is attacked without a new test.
import { describe, expect } from 'vitest';
import { registerUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';
import { WEBHOOK_FIXTURE_ENV } from '../../helpers/webhooks.js';
import { createPathIds, exampleBody, operations, securityOf, urlFor, withPathId } from './fixtures.js';

/** Alice owns an order; bob attacks it. `ids` holds a real object for every path parameter, alice's where owned. */
const test = appTest(WEBHOOK_FIXTURE_ENV)
  .extend('alice', { scope: 'file' }, ({ api }) => registerUser(api))
  .extend('bob', { scope: 'file' }, ({ api }) => registerUser(api))
  .extend('ids', { scope: 'file' }, ({ admin, alice, api }) => createPathIds(api, admin, alice));

// The sweeps send each operation's example body to URLs built from the
// contract, so they use the client's untyped send.
describe('broken object level authorization', () => {
  const ownerOrAdmin = withPathId.filter((o) => securityOf(o) === 'user');

  test.for(ownerOrAdmin.map((o) => [o.operationId, o] as const))(
    '%s refuses another user with 403 and changes nothing',
    async ([_id, op], { api, bob, ids }) => {
      const res = await api.as(bob.token).send(op.method, urlFor(op, ids), { body: exampleBody(op) });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'AUTHORIZATION_ERROR' });
    },
  );

  test("leaves alice's profile and order untouched after the attacks", async ({ alice, api, ids }) => {
    const asAlice = api.as(alice.token);
    const me = await asAlice.GET('/auth/me');
    expect(me.data).toMatchObject({ username: alice.username, email: alice.email, full_name: null });
    const order = await asAlice.GET('/orders/{order_id}', { params: { path: { order_id: ids.order_id } } });
    expect(order.data?.status).not.toBe('cancelled');
  });

  test("never lists alice's orders to bob, even when bob asks for her user_id", async ({ alice, api, bob }) => {
    const { data, response } = await api.as(bob.token).GET('/orders', { params: { query: { user_id: alice.id } } });
    expect(response.status).toBe(200);
    expect(data?.items.every((o) => o.user_id === bob.id)).toBe(true);
  });
});

describe('broken function level authorization', () => {
  const adminOnly = operations.filter((o) => securityOf(o) === 'admin');

  test('covers every admin operation of the contract', () => {
    expect(adminOnly.map((o) => o.operationId).sort()).toEqual(
      [
        'createProduct',
        'createUser',
        'deleteProduct',
        'deleteUser',
        'listUsers',
        'reactivateUser',
        'replaceOrderStatus',
        'replaceProduct',
        'setUserRole',
        'updateOrderStatus',
        'updateProduct',
        'listWebhookEndpoints',
        'createWebhookEndpoint',
        'getWebhookEndpoint',
        'updateWebhookEndpoint',
        'deleteWebhookEndpoint',
        'rotateWebhookEndpointSecret',
        'testWebhookEndpoint',
        'listWebhookDeliveries',
        'retryWebhookDelivery',
      ].sort(),
    );
  });

  test.for(adminOnly.map((o) => [o.operationId, o] as const))(
    '%s is 403 with a user token and 401 without one',
    async ([_id, op], { alice, api, ids }) => {
      const url = urlFor(op, ids);
      const asUser = await api.as(alice.token).send(op.method, url, { body: exampleBody(op) });
      expect(asUser.status).toBe(403);
      const anonymous = await api.send(op.method, url, { body: exampleBody(op) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ code: 'AUTHENTICATION_ERROR' });
    },
  );

  test.for(operations.filter((o) => securityOf(o) === 'user').map((o) => [o.operationId, o] as const))(
    '%s is 401 without a token',
    async ([_id, op], { api, ids }) => {
      const res = await api.send(op.method, urlFor(op, ids), { body: exampleBody(op) });
      expect(res.status).toBe(401);
    },
  );
});
