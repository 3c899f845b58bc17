// Header parameters are validated against the contract like any other input:
// a bad Idempotency-Key or If-Match is 422 VALIDATION_ERROR naming the header,
// and nothing is created or changed.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { createProduct } from '../../helpers/catalogue.js';
import { ADDRESS, QUEUE_ENV } from '../../helpers/orders.js';

const test = appTest({ ...QUEUE_ENV, RUN_WORKER: 'false' });

describe('header parameters', () => {
  let productId: number;
  test.beforeAll(async ({ admin, api }) => {
    productId = (await createProduct(api, admin.token, { stock: 100 })).id;
  });

  test.for([
    ['empty', ''],
    ['a space', ' '],
    ['256 characters', 'k'.repeat(256)],
    ['two words', 'two words'],
    ['a non-ASCII letter', 'café'],
    ['a tab', 'a\tb'],
  ])(
    'refuses an Idempotency-Key that is %s with 422 on /header/idempotency-key',
    async ([_name, key], { api, db, user }) => {
      const before = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const { error: problem, response } = await api.as(user.token).POST('/orders', {
        params: { header: { 'Idempotency-Key': key } },
        body: { items: [{ product_id: productId, quantity: 1 }], shipping_address: ADDRESS },
      });
      expect(response.status).toBe(422);
      expect(problem?.code).toBe('VALIDATION_ERROR');
      const errors = problem?.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.path).toBe('/header/idempotency-key');
        // The rule it broke, not the parameter's documentation.
        expect(error.message).toMatch(/^must /);
      }
      const after = await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toEqual(before.n);
    },
  );

  // Any visible ASCII is allowed, as the contract's pattern says (a comma included).
  test.for([
    ['255 characters', 'k'.repeat(255)],
    ['punctuation', 'a,b;c=d'],
  ])('accepts a valid key of %s', async ([_name, key], { api, user }) => {
    const { response } = await api.as(user.token).POST('/orders', {
      params: { header: { 'Idempotency-Key': key } },
      body: { items: [{ product_id: productId, quantity: 1 }], shipping_address: ADDRESS },
    });
    expect(response.status).toBe(201);
  });

  test('refuses an If-Match over 128 characters with 422 on /header/if-match, changing nothing', async ({
    admin,
    api,
  }) => {
    const path = { product_id: productId };
    const { error, response } = await api.as(admin.token).PATCH('/products/{product_id}', {
      params: { path, header: { 'If-Match': `"${'x'.repeat(300)}"` } },
      body: { stock: 5 },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['/header/if-match']);
    expect((await api.GET('/products/{product_id}', { params: { path } })).data?.stock).toBe(100);
  });
});
