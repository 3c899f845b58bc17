// Every problem body stays within the contract's Problem schema whatever the
// input: at most 100 field errors (the count of the rest in `detail`), paths
// of at most 200 characters, details of at most 1000. The test client checks
// each response against the contract, so an oversized problem fails here.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
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
    const res = await api.post('/api/v1/orders', {
      token: user.token,
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(100);
    expect(res.body.detail).toMatch(/the first 100 are listed/);
    expect(res.text.length).toBeLessThan(20_000);
  });

  test('bounds the path of an unknown field with a very long name', async ({ api, user }) => {
    const res = await api.post('/api/v1/orders', {
      token: user.token,
      body: { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS, ['f'.repeat(1000)]: 1 },
    });
    expect(res.status).toBe(422);
    for (const e of res.body.errors) expect(e.path.length).toBeLessThanOrEqual(200);
    expect(res.body.errors[0].path.startsWith('/body/fff')).toBe(true);
  });

  test('bounds the detail of an order naming 100 unknown products', async ({ api, user }) => {
    const items = Array.from({ length: 100 }, (_, i) => ({ product_id: 2_000_000_000 + i, quantity: 1 }));
    const res = await api.post('/api/v1/orders', { token: user.token, body: { items, shipping_address: ADDRESS } });
    expect(res.status).toBe(400);
    expect(res.body.detail.length).toBeLessThanOrEqual(1000);
    expect(res.body.detail).toContain('2000000000');
  });
});
