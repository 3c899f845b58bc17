// OWASP API3 (object property level authorization) and API4 (unrestricted
// resource consumption), driven by the contract's request schemas.
import { describe, expect } from 'vitest';
import type { TestUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';
import { WEBHOOK_FIXTURE_ENV } from '../../helpers/webhooks.js';
import { bodySchema, createPathIds, exampleBody, operations, securityOf, urlFor } from './fixtures.js';

const test = appTest(WEBHOOK_FIXTURE_ENV).extend('ids', { scope: 'file' }, ({ admin, api, user }) =>
  createPathIds(api, admin, user),
);

const tokenFor = (op: (typeof operations)[number], { admin, user }: { admin: TestUser; user: TestUser }) =>
  securityOf(op) === 'admin' ? admin.token : securityOf(op) === 'user' ? user.token : undefined;
const withBody = operations.filter((o) => exampleBody(o) !== undefined);
const PROTECTED = ['role', 'is_active', 'id', 'created_by', 'user_id', 'status', 'password_hash'];

describe('mass assignment', () => {
  const cases = withBody.flatMap((op) => {
    const allowed = Object.keys(bodySchema(op)?.properties ?? {});
    return PROTECTED.filter((p) => !allowed.includes(p)).map((p) => [op.operationId, p, op] as const);
  });

  test('covers every operation with a body', () => {
    expect(new Set(cases.map(([id]) => id)).size).toBe(withBody.length);
  });

  test.for(cases)('%s refuses %s with 422', async ([_id, field, op], { admin, api, ids, user }) => {
    const body = {
      ...exampleBody(op),
      [field]: field === 'status' ? 'delivered' : field === 'role' ? 'admin' : field === 'is_active' ? false : 1,
    };
    const res = await api.as(tokenFor(op, { admin, user })).send(op.method, urlFor(op, ids), { body });
    expect(res.status).toBe(422);
    expect((res.body as { errors: unknown[] }).errors).toContainEqual({
      path: `/body/${field}`,
      message: 'is not allowed',
    });
  });
});

describe('resource consumption', () => {
  test.for(operations.filter((o) => o.operationId.startsWith('list')).map((o) => [o.operationId, o] as const))(
    '%s refuses page_size over 100 and page 0 with 422',
    async ([_id, op], { admin, api, ids, user }) => {
      for (const query of ['page_size=101', 'page_size=0', 'page=0', 'page_size=lots']) {
        const res = await api.as(tokenFor(op, { admin, user })).send(op.method, `${urlFor(op, ids)}?${query}`);
        expect(res.status, query).toBe(422);
      }
    },
  );

  test('refuses every over-long string field with 422', async ({ admin, api, user }) => {
    const cases: Array<[string, string, Record<string, unknown>, string | undefined]> = [
      [
        'POST',
        '/api/v1/auth/register',
        { username: 'u'.repeat(33), email: 'a@example.com', password: 'Abcdef#1' },
        undefined,
      ],
      [
        'POST',
        '/api/v1/auth/register',
        { username: 'okname', email: `${'a'.repeat(250)}@example.com`, password: 'Abcdef#1' },
        undefined,
      ],
      ['PATCH', `/api/v1/users/${user.id}`, { full_name: 'n'.repeat(101) }, user.token],
      ['POST', '/api/v1/products', { name: 'p'.repeat(201), price: 1 }, admin.token],
      ['POST', '/api/v1/products', { name: 'p', price: 1, description: 'd'.repeat(5001) }, admin.token],
      [
        'POST',
        '/api/v1/orders',
        { items: [{ product_id: 1, quantity: 1 }], shipping_address: 's'.repeat(501) },
        user.token,
      ],
    ];
    for (const [method, url, body, token] of cases) {
      const res = await api.as(token).send(method, url, { body });
      expect(res.status, url).toBe(422);
    }
    expect((await api.GET('/products', { params: { query: { search: 's'.repeat(101) } } })).response.status).toBe(422);
  });

  test('refuses more than 100 order items and quantities over 1000 with 422', async ({ api, user }) => {
    const items = Array.from({ length: 101 }, (_, i) => ({ product_id: i + 1, quantity: 1 }));
    const asUser = api.as(user.token);
    expect((await asUser.POST('/orders', { body: { items, shipping_address: '1 Main Street' } })).response.status).toBe(
      422,
    );
    const tooMany = { items: [{ product_id: 1, quantity: 1001 }], shipping_address: '1 Main Street' };
    expect((await asUser.POST('/orders', { body: tooMany })).response.status).toBe(422);
  });

  test('refuses a body over 1 MiB with 413 on an authenticated route too', async ({ api, user }) => {
    const res = await api.as(user.token).send('POST', '/api/v1/orders', {
      payload: `{"shipping_address":"${'x'.repeat(1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  test('sends X-RateLimit-* headers on normal responses', async ({ api, user }) => {
    const { response } = await api.as(user.token).GET('/auth/me');
    expect(Number(response.headers.get('x-ratelimit-limit'))).toBeGreaterThan(0);
    expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
    expect(response.headers.get('x-ratelimit-reset')).not.toBeNull();
  });
});
