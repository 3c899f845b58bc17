// A number has one spelling: path ids and numeric query parameters are plain
// decimal digits. Other spellings of the same number (leading zeros, signs,
// decimals, exponents, hex, padding, percent-encoded digits) are 422 on the
// parameter, like `abc`, so caches, WAF rules and audit logs see one spelling
// per resource and `?page=1e2` does not quietly mean page 100.
import { describe, expect } from 'vitest';
import { createProduct } from '../../helpers/catalogue.js';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest();

describe('canonical numbers', () => {
  let id: number;
  test.beforeAll(async ({ admin, api }) => {
    id = (await createProduct(api, admin.token, { name: 'Id test', price: 1, stock: 1 })).id;
    expect(id).toBeLessThan(10);
  });

  test('serves the canonical spelling', async ({ api }) => {
    expect((await api.GET('/products/{product_id}', { params: { path: { product_id: id } } })).response.status).toBe(
      200,
    );
  });

  const spellings = (n: number) => [
    `0${n}`,
    `${n}.0`,
    `+${n}`,
    `%3${n}`, // percent-encoded digit
    `0b${n.toString(2)}`,
    `0x${n.toString(16)}`,
    `%20${n}`,
    `${n}%20`,
    `${n * 10}e-1`,
    `${n}e0`,
    ` ${n}`,
  ];

  test('answers every other spelling of the same id with 422 naming the parameter, on every operation with an id', async ({
    admin,
    api,
  }) => {
    for (const spelling of spellings(id)) {
      for (const [method, url, param] of [
        ['GET', `/api/v1/products/${spelling}`, 'product_id'],
        ['GET', `/api/v1/orders/${spelling}`, 'order_id'],
        ['GET', `/api/v1/users/${spelling}`, 'user_id'],
        ['DELETE', `/api/v1/products/${spelling}`, 'product_id'],
        ['POST', `/api/v1/orders/${spelling}/cancel`, 'order_id'],
      ] as const) {
        const res = await api.as(admin.token).send(method, url);
        expect(res.status, `${method} ${url}`).toBe(422);
        expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR' });
        expect((res.body as { errors: unknown[] }).errors).toEqual([
          { path: `/path/${param}`, message: expect.any(String) },
        ]);
      }
    }
    // The product was not deleted through another spelling.
    expect((await api.GET('/products/{product_id}', { params: { path: { product_id: id } } })).response.status).toBe(
      200,
    );
  });

  test('answers other spellings of numeric query parameters with 422 naming the parameter', async ({ admin, api }) => {
    for (const [query, param] of [
      ['page=1e2', 'page'],
      ['page=+1', 'page'],
      ['page=01', 'page'],
      ['page=0x10', 'page'],
      ['page_size=2.0', 'page_size'],
      ['page_size=%202', 'page_size'],
      ['min_price=0x10', 'min_price'],
      ['max_price=1e3', 'max_price'],
      ['min_price=.5', 'min_price'],
      ['min_price=5.', 'min_price'],
      ['page=1&page=1e2', 'page'],
    ] as const) {
      const res = await api.send('GET', `/api/v1/products?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR' });
      expect((res.body as { errors: unknown[] }).errors).toContainEqual({
        path: `/query/${param}`,
        message: expect.any(String),
      });
    }
    const orders = await api.as(admin.token).send('GET', '/api/v1/orders?user_id=01');
    expect(orders.status).toBe(422);
    expect((orders.body as { errors: unknown[] }).errors).toContainEqual({
      path: '/query/user_id',
      message: expect.any(String),
    });
  });

  test('accepts plain decimal query numbers, with a fraction for prices', async ({ api }) => {
    const { data, response } = await api.GET('/products', {
      params: { query: { page: 1, page_size: 5, min_price: 0.5, max_price: 10 } },
    });
    expect(response.status).toBe(200);
    expect(data?.page).toBe(1);
    expect(data?.page_size).toBe(5);
    expect(data?.items.map((p) => p.id)).toContain(id);
  });
});
