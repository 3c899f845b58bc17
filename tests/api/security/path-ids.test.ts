// A resource has one URL: path ids are canonical decimal digits. Other
// spellings of the same number (leading zeros, signs, decimals, exponents,
// hex, padding, percent-encoded digits) are 422 on the path parameter, like
// `abc`, so caches, WAF rules and audit logs see one spelling per resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAdmin } from '../../helpers/factories.js';

describe('path ids', () => {
  let t: TestApp;
  let token: string;
  let id: number;
  beforeAll(async () => {
    t = await buildTestApp();
    token = (await createAdmin(t.api, t.database.handle.db)).token;
    const created = await t.api.post('/api/v1/products', { token, body: { name: 'Id test', price: 1, stock: 1 } });
    id = created.body.id;
    expect(id).toBeLessThan(10);
  });
  afterAll(() => t.close());

  it('serves the canonical spelling', async () => {
    expect((await t.api.get(`/api/v1/products/${id}`)).status).toBe(200);
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

  it('answers every other spelling of the same id with 422 naming the parameter, on every operation with an id', async () => {
    for (const spelling of spellings(id)) {
      for (const [method, url, param] of [
        ['GET', `/api/v1/products/${spelling}`, 'product_id'],
        ['GET', `/api/v1/orders/${spelling}`, 'order_id'],
        ['GET', `/api/v1/users/${spelling}`, 'user_id'],
        ['DELETE', `/api/v1/products/${spelling}`, 'product_id'],
        ['POST', `/api/v1/orders/${spelling}/cancel`, 'order_id'],
      ] as const) {
        const res = await t.api.request(method, url, { token });
        expect(res.status, `${method} ${url}`).toBe(422);
        expect(res.body.code).toBe('VALIDATION_ERROR');
        expect(res.body.errors).toEqual([{ path: `/path/${param}`, message: expect.any(String) }]);
      }
    }
    // The product was not deleted through another spelling.
    expect((await t.api.get(`/api/v1/products/${id}`)).status).toBe(200);
  });
});
