// Every problem body stays within the contract's Problem schema whatever the
// input: at most 100 field errors (the count of the rest in `detail`), paths
// of at most 200 characters, details of at most 1000. The test client checks
// each response against the contract, so an oversized problem fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { registerUser, type TestUser } from '../../helpers/factories.js';
import { ADDRESS, QUEUE_ENV } from '../../helpers/orders.js';

describe('problem bodies under hostile input', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await buildTestApp({ ...QUEUE_ENV, RUN_WORKER: 'false' });
    user = await registerUser(t.api);
  });
  afterAll(() => t.close());

  it('lists at most 100 field errors for a body with tens of thousands, and says how many were left out', async () => {
    const items = Array.from({ length: 20_000 }, () => ({ product_id: 'x', quantity: -1, extra: true }));
    const payload = JSON.stringify({ items, shipping_address: ADDRESS });
    expect(payload.length).toBeLessThan(1024 * 1024);
    const res = await t.api.post('/api/v1/orders', {
      token: user.token,
      payload,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveLength(100);
    expect(res.body.detail).toMatch(/the first 100 are listed/);
    expect(res.text.length).toBeLessThan(20_000);
  });

  it('bounds the path of an unknown field with a very long name', async () => {
    const res = await t.api.post('/api/v1/orders', {
      token: user.token,
      body: { items: [{ product_id: 1, quantity: 1 }], shipping_address: ADDRESS, ['f'.repeat(1000)]: 1 },
    });
    expect(res.status).toBe(422);
    for (const e of res.body.errors) expect(e.path.length).toBeLessThanOrEqual(200);
    expect(res.body.errors[0].path.startsWith('/body/fff')).toBe(true);
  });

  it('bounds the detail of an order naming 100 unknown products', async () => {
    const items = Array.from({ length: 100 }, (_, i) => ({ product_id: 2_000_000_000 + i, quantity: 1 }));
    const res = await t.api.post('/api/v1/orders', { token: user.token, body: { items, shipping_address: ADDRESS } });
    expect(res.status).toBe(400);
    expect(res.body.detail.length).toBeLessThanOrEqual(1000);
    expect(res.body.detail).toContain('2000000000');
  });
});
