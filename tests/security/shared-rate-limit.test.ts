// With REDIS_URL, every instance counts against one budget: two app instances
// on the machine's Redis share a client's limit.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await buildTestApp({ REDIS_URL, RATE_LIMIT_ANON: '4', RATE_LIMIT_WINDOW: '30' });
    b = await buildTestApp({ REDIS_URL, RATE_LIMIT_ANON: '4', RATE_LIMIT_WINDOW: '30' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('lets a client use the budget once across two instances', async () => {
    // A client address of its own, so runs never share counters.
    const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a, b]) {
      statuses.push((await app.api.get('/api/v1/products', { remoteAddress: ip })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
