import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import type { LegacyClient } from '../helpers/client.js';
import { createProduct } from '../helpers/catalogue.js';
import { uniqueName } from '../helpers/factories.js';

const test = appTest({ QUEUE_POLL_SECONDS: '0.5' });

describe('POST /products', () => {
  test('creates a product with created_by = caller, Location and ETag', async ({ admin, api }) => {
    const res = await api.post('/api/v1/products', {
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

  test('stores prices exactly (19.99 stays 19.99, 0.1 stays 0.1)', async ({ admin, api }) => {
    for (const price of [19.99, 0.1, 0.2, 999999.99, 0.01]) {
      const p = await createProduct(api, admin.token, { price });
      const res = await api.get(`/api/v1/products/${p.id}`);
      expect(res.body.price).toBe(price);
      expect(res.text).toContain(`"price":${price}`);
    }
  });

  test('returns 401 without a token and 403 for a non-admin', async ({ api, user }) => {
    const body = { name: 'x', price: 1 };
    expect((await api.post('/api/v1/products', { body })).status).toBe(401);
    const res = await api.post('/api/v1/products', { token: user.token, body });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTHORIZATION_ERROR');
  });

  test('returns 422 for a price with 3 decimals, a negative stock, an unknown field', async ({ admin, api }) => {
    const res = await api.post('/api/v1/products', {
      token: admin.token,
      body: { name: 'x', price: 1.234, stock: -1, created_by: 5 },
    });
    expect(res.status).toBe(422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/price', '/body/stock', '/body/created_by']));
  });
});

describe('GET /products/{id}', () => {
  test('returns the product with its ETag, publicly', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token);
    const res = await api.get(`/api/v1/products/${p.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(p.id);
    expect(res.headers.etag).toBe(`"p${p.id}-v1"`);
  });

  test('returns 404 for an unknown product and 422 for a bad id', async ({ api }) => {
    expect((await api.get('/api/v1/products/999999')).status).toBe(404);
    expect((await api.get('/api/v1/products/abc')).status).toBe(422);
  });
});

describe('PATCH /products/{id}', () => {
  test('updates only the given fields and bumps the ETag', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { price: 10, stock: 3, category: 'books' });
    const res = await api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: { price: 79.5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ price: 79.5, stock: 3, category: 'books', name: p.name });
    expect(res.headers.etag).toBe(`"p${p.id}-v2"`);
  });

  test('applies a matching If-Match and refuses a stale one with 412, changing nothing', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    const etag = (await api.get(`/api/v1/products/${p.id}`)).headers.etag as string;
    const first = await api.patch(`/api/v1/products/${p.id}`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { stock: 6 },
    });
    expect(first.status).toBe(200);
    const stale = await api.patch(`/api/v1/products/${p.id}`, {
      token: admin.token,
      headers: { 'if-match': etag },
      body: { stock: 100 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await api.get(`/api/v1/products/${p.id}`)).body.stock).toBe(6);
  });

  test('lets exactly one of two admins racing with the same ETag win', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token);
    const etag = (await api.get(`/api/v1/products/${p.id}`)).headers.etag as string;
    const results = await Promise.all(
      [1, 2].map((stock) =>
        api.patch(`/api/v1/products/${p.id}`, { token: admin.token, headers: { 'if-match': etag }, body: { stock } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
  });

  test('PUT is the same partial update (deprecated alias)', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { stock: 1 });
    const res = await api.put(`/api/v1/products/${p.id}`, { token: admin.token, body: { name: 'Renamed' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Renamed', stock: 1 });
  });

  test('returns 404, 403, 422 (empty body, created_by) as declared', async ({ admin, api, user }) => {
    const p = await createProduct(api, admin.token);
    expect((await api.patch('/api/v1/products/999999', { token: admin.token, body: { stock: 1 } })).status).toBe(404);
    expect((await api.patch(`/api/v1/products/${p.id}`, { token: user.token, body: { stock: 1 } })).status).toBe(403);
    expect((await api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: {} })).status).toBe(422);
    expect((await api.patch(`/api/v1/products/${p.id}`, { token: admin.token, body: { created_by: 1 } })).status).toBe(
      422,
    );
  });
});

describe('DELETE /products/{id}', () => {
  test('removes an unreferenced product: 204, then 404 and absent from lists', async ({ admin, api, db }) => {
    const category = uniqueName('cat');
    const p = await createProduct(api, admin.token, { category });
    expect((await api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expect((await api.get(`/api/v1/products/${p.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/products', { query: { category } })).body.total).toBe(0);
    expect((await api.delete(`/api/v1/products/${p.id}`, { token: admin.token })).status).toBe(404);
    const row = await db.selectFrom('products').select('id').where('id', '=', p.id).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('returns 403 for a non-admin', async ({ admin, api, user }) => {
    const p = await createProduct(api, admin.token);
    expect((await api.delete(`/api/v1/products/${p.id}`, { token: user.token })).status).toBe(403);
  });
});

describe('GET /products', () => {
  const category = uniqueName('shelf');
  let ids: Record<string, number>;
  test.beforeAll(async ({ admin, api }) => {
    ids = {};
    const items = [
      { name: 'Alpha 50%_off widget', description: 'round', price: 5, stock: 0 },
      { name: 'Bravo gadget', description: 'contains WIDGET parts', price: 15.5, stock: 3 },
      { name: 'Charlie gizmo', description: null, price: 25, stock: 7 },
      { name: 'Delta gizmo', description: 'plain', price: 15.5, stock: 1 },
    ];
    for (const item of items) ids[item.name] = (await createProduct(api, admin.token, { ...item, category })).id;
  });
  const list = (api: LegacyClient, query: Record<string, string | number | boolean>) =>
    api.get('/api/v1/products', { query: { category, ...query } });
  const names = (body: { items: Array<{ name: string }> }) => body.items.map((p) => p.name);

  test('is public and defaults to newest first, with the page envelope', async ({ api }) => {
    const res = await list(api, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 4, page: 1, page_size: 20, has_next: false });
    expect(names(res.body)).toEqual(['Delta gizmo', 'Charlie gizmo', 'Bravo gadget', 'Alpha 50%_off widget']);
  });

  test('searches name and description case-insensitively, with % and _ literal', async ({ api }) => {
    expect(names((await list(api, { search: 'widget' })).body).sort()).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
    ]);
    expect(names((await list(api, { search: '50%_' })).body)).toEqual(['Alpha 50%_off widget']);
    expect((await list(api, { search: '%' })).body.total).toBe(1);
    expect((await list(api, { search: 'g_zmo' })).body.total).toBe(0);
  });

  test('filters by price range (inclusive) and stock', async ({ api }) => {
    expect(names((await list(api, { min_price: 15.5, max_price: 25, sort: 'price' })).body)).toEqual([
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(names((await list(api, { in_stock: false })).body)).toEqual(['Alpha 50%_off widget']);
    expect((await list(api, { in_stock: true })).body.total).toBe(3);
  });

  test('sorts by every key, ties broken on id in the same direction', async ({ api }) => {
    expect(names((await list(api, { sort: 'price' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(names((await list(api, { sort: '-price' })).body)).toEqual([
      'Charlie gizmo',
      'Delta gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(names((await list(api, { sort: 'name' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
    expect(names((await list(api, { sort: '-name' })).body)).toEqual([
      'Delta gizmo',
      'Charlie gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(names((await list(api, { sort: 'created_at' })).body)).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
  });

  test('pages with has_next', async ({ api }) => {
    const first = await list(api, { sort: 'name', page_size: 3 });
    expect(first.body).toMatchObject({ total: 4, page: 1, page_size: 3, has_next: true });
    const second = await list(api, { sort: 'name', page_size: 3, page: 2 });
    expect(names(second.body)).toEqual(['Delta gizmo']);
    expect(second.body.has_next).toBe(false);
  });

  test('returns 422 for page_size over 100, an unknown sort, a negative price', async ({ api }) => {
    const queries: Array<Record<string, string | number>> = [
      { page_size: 101 },
      { sort: 'stock' },
      { min_price: -1 },
      { page: 0 },
    ];
    for (const query of queries) {
      const res = await list(api, query);
      expect(res.status, JSON.stringify(query)).toBe(422);
    }
  });
});
