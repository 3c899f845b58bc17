import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { createAdmin, registerUser, uniqueName, type TestUser } from '../helpers/factories.js';

let t: TestApp;
let admin: TestUser;
let user: TestUser;
beforeAll(async () => {
  t = await buildTestApp({ QUEUE_POLL_SECONDS: '0.5' });
  admin = await createAdmin(t.api, t.database.handle.db);
  user = await registerUser(t.api);
});
afterAll(() => t.close());

describe('POST /products', () => {
  it('creates a product with created_by = caller, Location and ETag', async () => {
    const res = await t.api.post('/api/v1/products', {
      token: admin.token,
      body: { name: 'Mechanical keyboard', description: 'Tenkeyless', price: 89.9, stock: 12, category: 'electronics' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Mechanical keyboard',
      price: 89.9,
      stock: 12,
      category: 'electronics',
      created_by: admin.id,
    });
    expect(res.headers.location).toBe(`/api/v1/products/${res.body.id}`);
    expect(res.headers.etag).toBe(`"p${res.body.id}-v1"`);
  });

  it('stores prices exactly (19.99 stays 19.99, 0.1 stays 0.1)', async () => {
    for (const price of [19.99, 0.1, 0.2, 999999.99, 0.01]) {
      const p = await createProduct(t.api, admin.token, { price });
      const res = await t.api.get(`/api/v1/products/${p.id}`);
      expect(res.body.price).toBe(price);
      expect(res.text).toContain(`"price":${price}`);
    }
  });

  it('returns 401 without a token and 403 for a non-admin', async () => {
    const body = { name: 'x', price: 1 };
    expect((await t.api.post('/api/v1/products', { body })).status).toBe(401);
    const res = await t.api.post('/api/v1/products', { token: user.token, body });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTHORIZATION_ERROR');
  });

  it('returns 422 for a price with 3 decimals, a negative stock, an unknown field', async () => {
    const res = await t.api.post('/api/v1/products', {
      token: admin.token,
      body: { name: 'x', price: 1.234, stock: -1, created_by: 5 },
    });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/price', '/body/stock', '/body/created_by']));
  });
});

describe('GET /products/{id}', () => {
  it('returns the product with its ETag, publicly', async () => {
    const p = await createProduct(t.api, admin.token);
    const res = await t.api.get(`/api/v1/products/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(p.id);
    expect(res.headers.etag).toBe(`"p${p.id}-v1"`);
  });

  it('returns 404 for an unknown product and 422 for a bad id', async () => {
    expect((await t.api.get('/api/v1/products/999999')).status).toBe(404);
    expect((await t.api.get('/api/v1/products/abc')).status).toBe(422);
  });
});

describe('PATCH /products/{id}', () => {
  it('updates only the given fields and bumps the ETag', async () => {
    const p = await createProduct(t.api, admin.token, { price: 10, stock: 3, category: 'books' });
    const res = await t.api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: { price: 79.5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ price: 79.5, stock: 3, category: 'books', name: p.name });
    expect(res.headers.etag).toBe(`"p${p.id}-v2"`);
  });

  it('applies a matching If-Match and refuses a stale one with 412, changing nothing', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 5 });
    const etag = (await t.api.get(`/api/v1/products/${p.id}`)).headers.etag as string;
    const first = await t.api.patch(`/api/v1/products/${p.id}`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { stock: 6 },
    });
    expect(first.status).toBe(200);
    const stale = await t.api.patch(`/api/v1/products/${p.id}`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { stock: 100 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.api.get(`/api/v1/products/${p.id}`)).body.stock).toBe(6);
  });

  it('lets exactly one of two admins racing with the same ETag win', async () => {
    const p = await createProduct(t.api, admin.token);
    const etag = (await t.api.get(`/api/v1/products/${p.id}`)).headers.etag as string;
    const results = await Promise.all(
      [1, 2].map((stock) =>
        t.api.patch(`/api/v1/products/${p.id}`, { token: admin.token, headers: { 'if-match': etag }, body: { stock } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  it('PUT is the same partial update (deprecated alias)', async () => {
    const p = await createProduct(t.api, admin.token, { stock: 1 });
    const res = await t.api.put(`/api/v1/products/${p.id}`, { token: admin.token, body: { name: 'Renamed' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', stock: 1 });
  });

  it('returns 404, 403, 422 (empty body, created_by) as declared', async () => {
    const p = await createProduct(t.api, admin.token);
    expect((await t.api.patch('/api/v1/products/999999', { token: admin.token, body: { stock: 1 } })).status).toBe(404);
    expect((await t.api.patch(`/api/v1/products/${p.id}`, { token: user.token, body: { stock: 1 } })).status).toBe(403);
    expect((await t.api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: {} })).status).toBe(422);
    expect(
      (await t.api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: { created_by: 1 } })).status,
    ).toBe(422);
  });
});

describe('DELETE /products/{id}', () => {
  it('removes an unreferenced product: 204, then 404 and absent from lists', async () => {
    const category = uniqueName('cat');
    const p = await createProduct(t.api, admin.token, { category });
    expect((await t.api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    expect((await t.api.get('/api/v1/products', { query: { category } })).body.total).toBe(0);
    expect((await t.api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(404);
    const row = await t.database.handle.db
      .selectFrom('products')
      .select('id')
      .where('id', '=', p.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('returns 403 for a non-admin', async () => {
    const p = await createProduct(t.api, admin.token);
    expect((await t.api.delete(`/api/v1/products/${p.id}`, { token: user.token })).status).toBe(403);
  });
});

describe('GET /products', () => {
  const category = uniqueName('shelf');
  let ids: Record<string, number>;
  beforeAll(async () => {
    ids = {};
    const items = [
      { name: 'Alpha 50%_off widget', description: 'round', price: 5, stock: 0 },
      { name: 'Bravo gadget', description: 'contains WIDGET parts', price: 15.5, stock: 3 },
      { name: 'Charlie gizmo', description: null, price: 25, stock: 7 },
      { name: 'Delta gizmo', description: 'plain', price: 15.5, stock: 1 },
    ];
    for (const item of items) ids[item.name] = (await createProduct(t.api, admin.token, { ...item, category })).id;
  });
  const list = (query: Record<string, string | number | boolean>) =>
    t.api.get('/api/v1/products', { query: { category, ...query } });
  const names = (body: { items: Array<{ name: string }> }) => body.items.map((p) => p.name);

  it('is public and defaults to newest first, with the page envelope', async () => {
    const res = await list({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, page_size: 20, has_next: false });
    expect(names(res.body)).toEqual(['Delta gizmo', 'Charlie gizmo', 'Bravo gadget', 'Alpha 50%_off widget']);
  });

  it('searches name and description case-insensitively, with % and _ literal', async () => {
    expect(names((await list({ search: 'widget' })).body).sort()).toEqual(['Alpha 50%_off widget', 'Bravo gadget']);
    expect(names((await list({ search: '50%_' })).body)).toEqual(['Alpha 50%_off widget']);
    expect((await list({ search: '%' })).body.total).toBe(1);
    expect((await list({ search: 'g_zmo' })).body.total).toBe(0);
  });

  it('filters by price range (inclusive) and stock', async () => {
    expect(names((await list({ min_price: 15.5, max_price: 25, sort: 'price' })).body)).toEqual([
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(names((await list({ in_stock: false })).body)).toEqual(['Alpha 50%_off widget']);
    expect((await list({ in_stock: true })).body.total).toBe(3);
  });

  it('sorts by every key, ties broken on id in the same direction', async () => {
    expect(names((await list({ sort: 'price' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(names((await list({ sort: '-price' })).body)).toEqual([
      'Charlie gizmo',
      'Delta gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(names((await list({ sort: 'name' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
    expect(names((await list({ sort: '-name' })).body)).toEqual([
      'Delta gizmo',
      'Charlie gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(names((await list({ sort: 'created_at' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
  });

  it('pages with has_next', async () => {
    const first = await list({ sort: 'name', page_size: 3 });
    expect(first.body).toMatchObject({ total: 4, page: 1, page_size: 3, has_next: true });
    const second = await list({ sort: 'name', page_size: 3, page: 2 });
    expect(names(second.body)).toEqual(['Delta gizmo']);
    expect(second.body.has_next).toBe(false);
  });

  it('returns 422 for page_size over 100, an unknown sort, a negative price', async () => {
    const queries: Array<Record<string, string | number>> = [
      { page_size: 101 },
      { sort: 'stock' },
      { min_price: -1 },
      { page: 0 },
    ];
    for (const query of queries) {
      const res = await list(query);
      expect(res.status, JSON.stringify(query)).toBe(422);
    }
  });
});
