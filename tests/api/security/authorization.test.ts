// OWASP API1 (object level) and API5 (function level) authorization, driven
// by the contract so that a new operation is attacked without a new test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';
import { createWebhookFixtures, WEBHOOK_FIXTURE_ENV } from '../../helpers/webhooks.js';
import { exampleBody, operations, securityOf, urlFor, withPathId } from './fixtures.js';

let t: TestApp;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let aliceOrderId: number;
let productId: number;
let webhooks: { endpointId: number; deliveryId: number };

beforeAll(async () => {
  t = await buildTestApp(WEBHOOK_FIXTURE_ENV);
  admin = await createAdmin(t.api, t.database.handle.db);
  alice = await registerUser(t.api);
  bob = await registerUser(t.api);
  const product = await t.api.post('/api/v1/products', {
    token: admin.token,
    body: { name: 'Lamp', price: 10, stock: 100 },
  });
  productId = product.body.id;
  const order = await t.api.post('/api/v1/orders', {
    token: alice.token,
    body: { items: [{ product_id: productId, quantity: 1 }], shipping_address: '1 Main Street' },
  });
  aliceOrderId = order.body.id;
  webhooks = await createWebhookFixtures(t.api, admin.token);
});
afterAll(() => t.close());

/** A real object for every path id; a path this does not know fails the suite instead of reusing another id. */
function ownedIdFor(path: string): number {
  if (!path.includes('{')) return 1;
  if (path.startsWith('/users/')) return alice.id;
  if (path.startsWith('/orders/')) return aliceOrderId;
  if (path.startsWith('/products/')) return productId;
  if (path.startsWith('/webhook-endpoints/')) return webhooks.endpointId;
  if (path.startsWith('/webhook-deliveries/')) return webhooks.deliveryId;
  throw new Error(`no fixture for the id in ${path}`);
}

describe('broken object level authorization', () => {
  const ownerOrAdmin = withPathId.filter((o) => securityOf(o) === 'user');

  it.each(ownerOrAdmin.map((o) => [o.operationId, o] as const))(
    '%s refuses another user with 403 and changes nothing',
    async (_id, op) => {
      const res = await t.api.request(op.method, urlFor(op, ownedIdFor(op.path)), {
        token: bob.token,
        body: exampleBody(op),
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUTHORIZATION_ERROR');
    },
  );

  it("leaves alice's profile and order untouched after the attacks", async () => {
    const me = await t.api.get('/api/v1/auth/me', { token: alice.token });
    expect(me.body).toMatchObject({ username: alice.username, email: alice.email, full_name: null });
    const order = await t.api.get(`/api/v1/orders/${aliceOrderId}`, { token: alice.token });
    expect(order.body.status).not.toBe('cancelled');
  });

  it("never lists alice's orders to bob, even when bob asks for her user_id", async () => {
    const res = await t.api.get('/api/v1/orders', { token: bob.token, query: { user_id: alice.id } });
    expect(res.status).toBe(200);
    expect(res.body.items.every((o: { user_id: number }) => o.user_id === bob.id)).toBe(true);
  });
});

describe('broken function level authorization', () => {
  const adminOnly = operations.filter((o) => securityOf(o) === 'admin');

  it('covers every admin operation of the contract', () => {
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

  it.each(adminOnly.map((o) => [o.operationId, o] as const))(
    '%s is 403 with a user token and 401 without one',
    async (_id, op) => {
      const url = urlFor(op, ownedIdFor(op.path));
      const asUser = await t.api.request(op.method, url, { token: alice.token, body: exampleBody(op) });
      expect(asUser.status).toBe(403);
      const anonymous = await t.api.request(op.method, url, { body: exampleBody(op) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('AUTHENTICATION_ERROR');
    },
  );

  it.each(operations.filter((o) => securityOf(o) === 'user').map((o) => [o.operationId, o] as const))(
    '%s is 401 without a token',
    async (_id, op) => {
      const res = await t.api.request(op.method, urlFor(op, ownedIdFor(op.path)), { body: exampleBody(op) });
      expect(res.status).toBe(401);
    },
  );
});
