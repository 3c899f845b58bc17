// With REDIS_URL, every instance counts against one budget: two app instances
// on the configured Redis (TEST_REDIS_URL) share a client's limit.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { services } from '../helpers/services.js';

const configured = services('redis');

describe.skipIf(!configured)('rate limits shared through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await buildTestApp({ REDIS_URL: configured!.redis, RATE_LIMIT_ANON: '4', RATE_LIMIT_WINDOW: '30' });
    b = await buildTestApp({ REDIS_URL: configured!.redis, RATE_LIMIT_ANON: '4', RATE_LIMIT_WINDOW: '30' });
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
