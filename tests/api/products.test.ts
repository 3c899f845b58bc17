import { describe, expect } from 'vitest';
import type { Query } from '../../sdk/src/index.js';
import { createProduct } from '../helpers/catalogue.js';
import { uniqueName } from '../helpers/factories.js';
import { appTest } from '../helpers/fixtures.js';
import type { TestClient } from '../helpers/test-client.js';

const test = appTest({ QUEUE_POLL_SECONDS: '0.5' });

const productPath = (product_id: number) => ({ params: { path: { product_id } } });

describe('POST /products', () => {
  test('creates a product with created_by = caller, Location and ETag', async ({ admin, api }) => {
    const { data, response } = await api.as(admin.token).POST('/products', {
      body: { name: 'Mechanical keyboard', description: 'Tenkeyless', price: 89.9, stock: 12, category: 'electronics' },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      name: 'Mechanical keyboard',
      price: 89.9,
      stock: 12,
      category: 'electronics',
      created_by: admin.id,
    });
    expect(response.headers.get('location')).toBe(`/api/v1/products/${data?.id}`);
    expect(response.headers.get('etag')).toBe(`"p${data?.id}-v1"`);
  });

  test('stores prices exactly (19.99 stays 19.99, 0.1 stays 0.1)', async ({ admin, api }) => {
    for (const price of [19.99, 0.1, 0.2, 999999.99, 0.01]) {
      const p = await createProduct(api, admin.token, { price });
      const { data } = await api.GET('/products/{product_id}', productPath(p.id));
      expect(data?.price).toBe(price);
      // The number as written on the wire, not only as parsed.
      const { data: text } = await api.GET('/products/{product_id}', { ...productPath(p.id), parseAs: 'text' });
      expect(text).toContain(`"price":${price}`);
    }
  });

  test('returns 401 without a token and 403 for a non-admin', async ({ api, user }) => {
    const body = { name: 'x', price: 1 };
    expect((await api.POST('/products', { body })).response.status).toBe(401);
    const { error, response } = await api.as(user.token).POST('/products', { body });
    expect(response.status).toBe(403);
    expect(error?.code).toBe('AUTHORIZATION_ERROR');
  });

  test('returns 422 for a price with 3 decimals, a negative stock, an unknown field', async ({ admin, api }) => {
    // Outside the contract on purpose (an unknown field): the untyped escape.
    const res = await api.as(admin.token).send('POST', '/api/v1/products', {
      body: { name: 'x', price: 1.234, stock: -1, created_by: 5 },
    });
    expect(res.status).toBe(422);
    const paths = (res.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/price', '/body/stock', '/body/created_by']));
  });
});

describe('GET /products/{id}', () => {
  test('returns the product with its ETag, publicly', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token);
    const { data, response } = await api.GET('/products/{product_id}', productPath(p.id));
    expect(response.status).toBe(200);
    expect(data?.id).toBe(p.id);
    expect(response.headers.get('etag')).toBe(`"p${p.id}-v1"`);
  });

  test('returns 404 for an unknown product and 422 for a bad id', async ({ api }) => {
    expect((await api.GET('/products/{product_id}', productPath(999999))).response.status).toBe(404);
    expect((await api.send('GET', '/api/v1/products/abc')).status).toBe(422);
  });
});

describe('PATCH /products/{id}', () => {
  test('updates only the given fields and bumps the ETag', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { price: 10, stock: 3, category: 'books' });
    const { data, response } = await api
      .as(admin.token)
      .PATCH('/products/{product_id}', { ...productPath(p.id), body: { price: 79.5 } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ price: 79.5, stock: 3, category: 'books', name: p.name });
    expect(response.headers.get('etag')).toBe(`"p${p.id}-v2"`);
  });

  test('applies a matching If-Match and refuses a stale one with 412, changing nothing', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { stock: 5 });
    const asAdmin = api.as(admin.token);
    const etag = await etagOf(api, p.id);
    const first = await asAdmin.PATCH('/products/{product_id}', {
      params: { path: { product_id: p.id }, header: { 'If-Match': etag } },
      body: { stock: 6 },
    });
    expect(first.response.status).toBe(200);
    const stale = await asAdmin.PATCH('/products/{product_id}', {
      params: { path: { product_id: p.id }, header: { 'If-Match': etag } },
      body: { stock: 100 },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error?.code).toBe('PRECONDITION_FAILED');
    expect((await api.GET('/products/{product_id}', productPath(p.id))).data?.stock).toBe(6);
  });

  test('lets exactly one of two admins racing with the same ETag win', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token);
    const etag = await etagOf(api, p.id);
    const results = await Promise.all(
      [1, 2].map((stock) =>
        api.as(admin.token).PATCH('/products/{product_id}', {
          params: { path: { product_id: p.id }, header: { 'If-Match': etag } },
          body: { stock },
        }),
      ),
    );
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 412]);
  });

  test('PUT is the same partial update (deprecated alias)', async ({ admin, api }) => {
    const p = await createProduct(api, admin.token, { stock: 1 });
    const { data, response } = await api
      .as(admin.token)
      .PUT('/products/{product_id}', { ...productPath(p.id), body: { name: 'Renamed' } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ name: 'Renamed', stock: 1 });
  });

  test('returns 404, 403, 422 (empty body, created_by) as declared', async ({ admin, api, user }) => {
    const p = await createProduct(api, admin.token);
    const asAdmin = api.as(admin.token);
    const patch = (client: TestClient, product_id: number, body: { stock?: number }) =>
      client.PATCH('/products/{product_id}', { ...productPath(product_id), body });
    expect((await patch(asAdmin, 999999, { stock: 1 })).response.status).toBe(404);
    expect((await patch(api.as(user.token), p.id, { stock: 1 })).response.status).toBe(403);
    expect((await patch(asAdmin, p.id, {})).response.status).toBe(422);
    // Outside the contract on purpose (a field the schema refuses): the untyped escape.
    expect((await asAdmin.send('PATCH', `/api/v1/products/${p.id}`, { body: { created_by: 1 } })).status).toBe(422);
  });
});

describe('DELETE /products/{id}', () => {
  test('removes an unreferenced product: 204, then 404 and absent from lists', async ({ admin, api, db }) => {
    const category = uniqueName('cat');
    const p = await createProduct(api, admin.token, { category });
    const asAdmin = api.as(admin.token);
    expect((await asAdmin.DELETE('/products/{product_id}', productPath(p.id))).response.status).toBe(204);
    expect((await api.GET('/products/{product_id}', productPath(p.id))).response.status).toBe(404);
    expect((await api.GET('/products', { params: { query: { category } } })).data?.total).toBe(0);
    expect((await asAdmin.DELETE('/products/{product_id}', productPath(p.id))).response.status).toBe(404);
    const row = await db.selectFrom('products').select('id').where('id', '=', p.id).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('returns 403 for a non-admin', async ({ admin, api, user }) => {
    const p = await createProduct(api, admin.token);
    expect((await api.as(user.token).DELETE('/products/{product_id}', productPath(p.id))).response.status).toBe(403);
  });
});

describe('GET /products', () => {
  const category = uniqueName('shelf');
  test.beforeAll(async ({ admin, api }) => {
    const items = [
      { name: 'Alpha 50%_off widget', description: 'round', price: 5, stock: 0 },
      { name: 'Bravo gadget', description: 'contains WIDGET parts', price: 15.5, stock: 3 },
      { name: 'Charlie gizmo', description: null, price: 25, stock: 7 },
      { name: 'Delta gizmo', description: 'plain', price: 15.5, stock: 1 },
    ];
    for (const item of items) await createProduct(api, admin.token, { ...item, category });
  });
  const list = async (api: TestClient, query: Query<'listProducts'> = {}) => {
    const { data, response } = await api.GET('/products', { params: { query: { category, ...query } } });
    if (!data) throw new Error(`listProducts answered ${response.status}`);
    return data;
  };
  const names = async (api: TestClient, query: Query<'listProducts'> = {}) =>
    (await list(api, query)).items.map((p) => p.name);

  test('is public and defaults to newest first, with the page envelope', async ({ api }) => {
    const page = await list(api);
    expect(page).toMatchObject({ total: 4, page: 1, page_size: 20, has_next: false });
    expect(page.items.map((p) => p.name)).toEqual([
      'Delta gizmo',
      'Charlie gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
  });

  test('searches name and description case-insensitively, with % and _ literal', async ({ api }) => {
    expect((await names(api, { search: 'widget' })).sort()).toEqual(['Alpha 50%_off widget', 'Bravo gadget']);
    expect(await names(api, { search: '50%_' })).toEqual(['Alpha 50%_off widget']);
    expect((await list(api, { search: '%' })).total).toBe(1);
    expect((await list(api, { search: 'g_zmo' })).total).toBe(0);
  });

  test('filters by price range (inclusive) and stock', async ({ api }) => {
    expect(await names(api, { min_price: 15.5, max_price: 25, sort: 'price' })).toEqual([
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(await names(api, { in_stock: false })).toEqual(['Alpha 50%_off widget']);
    expect((await list(api, { in_stock: true })).total).toBe(3);
  });

  test('sorts by every key, ties broken on id in the same direction', async ({ api }) => {
    expect(await names(api, { sort: 'price' })).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Delta gizmo',
      'Charlie gizmo',
    ]);
    expect(await names(api, { sort: '-price' })).toEqual([
      'Charlie gizmo',
      'Delta gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(await names(api, { sort: 'name' })).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
    expect(await names(api, { sort: '-name' })).toEqual([
      'Delta gizmo',
      'Charlie gizmo',
      'Bravo gadget',
      'Alpha 50%_off widget',
    ]);
    expect(await names(api, { sort: 'created_at' })).toEqual([
      'Alpha 50%_off widget',
      'Bravo gadget',
      'Charlie gizmo',
      'Delta gizmo',
    ]);
  });

  test('pages with has_next', async ({ api }) => {
    expect(await list(api, { sort: 'name', page_size: 3 })).toMatchObject({
      total: 4,
      page: 1,
      page_size: 3,
      has_next: true,
    });
    const second = await list(api, { sort: 'name', page_size: 3, page: 2 });
    expect(second.items.map((p) => p.name)).toEqual(['Delta gizmo']);
    expect(second.has_next).toBe(false);
  });

  test('returns 422 for page_size over 100, an unknown sort, a negative price', async ({ api }) => {
    // Values the contract forbids on purpose: the untyped escape.
    for (const query of ['page_size=101', 'sort=stock', 'min_price=-1', 'page=0']) {
      const res = await api.send('GET', `/api/v1/products?category=${category}&${query}`);
      expect(res.status, query).toBe(422);
    }
  });
});

/** The product's current ETag, for If-Match. */
async function etagOf(api: TestClient, product_id: number): Promise<string> {
  const { response } = await api.GET('/products/{product_id}', productPath(product_id));
  const etag = response.headers.get('etag');
  if (!etag) throw new Error(`getProduct ${product_id} sent no ETag`);
  return etag;
}
