// Every problem body stays within the contract's Problem schema whatever the
// input: at most 100 field errors (the count of the rest in `detail`), paths
// of at most 200 characters, details of at most 1000. The test client checks
// each response against the contract, so an oversized problem fails here.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import type { Problem } from '../../../sdk/src/index.js';
import { ADDRESS, QUEUE_ENV } from '../../helpers/orders.js';

const test = appTest({ ...QUEUE_ENV, RUN_WORKER: 'false' });

describe('problem bodies under hostile input', () => {
  test('lists at most 100 field errors for a body with tens of thousands, and says how many were left out', async ({
    api,
    user,
  }) => {
    const items = Array.from({ length: 20_000 }, () => ({ product_id: 'x', quantity: -1, extra: true }));
    const payload = JSON.stringify({ items, shipping_address: ADDRESS });
    expect(payload.length).toBeLessThan(1024 * 1024);
    const res = await api.as(user.token).send('POST', '/api/v1/orders', {
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    const problem = res.body as Problem;
    expect(problem.errors).toHaveLength(100);
    expect(problem.detail).toMatch(/the first 100 are listed/);
    expect(res.text.length).toBeLessThan(20_000);
  });

  test('bounds the path of an unknown field with a very long name', async ({ api, user }) => {
    // An unknown field, outside the contract on purpose: the untyped escape.
    const res = await api.as(user.token).send('POST', '/api/v1/orders', {
      body: { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS, ['f'.repeat(1000)]: 1 },
    });
    expect(res.status).toBe(422);
    const errors = (res.body as Problem).errors ?? [];
    for (const e of errors) expect(e.path.length).toBeLessThanOrEqual(200);
    expect(errors[0]?.path.startsWith('/body/fff')).toBe(true);
  });

  test('bounds the detail of an order naming 100 unknown products', async ({ api, user }) => {
    const items = Array.from({ length: 100 }, (_, i) => ({ product_id: 2_000_000_000 + i, quantity: 1 }));
    const { error, response } = await api
      .as(user.token)
      .POST('/orders', { body: { items, shipping_address: ADDRESS } });
    expect(response.status).toBe(400);
    expect(error?.detail?.length).toBeLessThanOrEqual(1000);
    expect(error?.detail).toContain('2000000000');
  });
});
