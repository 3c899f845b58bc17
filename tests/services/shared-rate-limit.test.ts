// With REDIS_URL, every instance counts against one budget: two app instances
// on the configured Redis (TEST_REDIS_URL) share a client's limit.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { buildTestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixtures.js';
import { services } from '../helpers/services.js';

const configured = services('redis');
const SHARED = { REDIS_URL: configured?.redis ?? '', RATE_LIMIT_ANON: '4', RATE_LIMIT_WINDOW: '30' };

/** The fixture app and a second instance of it on the same Redis (its own database: only Redis is shared). */
// biome-ignore lint/correctness/noEmptyPattern: Vitest reads a fixture's dependencies from this pattern
const test = appTest(SHARED).extend('second', { scope: 'file' }, async ({}, { onCleanup }) => {
  const second = await buildTestApp(SHARED);
  onCleanup(() => second.close());
  return second;
});

describe.skipIf(!configured)('rate limits shared through Redis', () => {
  test('lets a client use the budget once across two instances', async ({ api, second }) => {
    // A client address of its own, so runs never share counters.
    const ip = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
    const statuses: number[] = [];
    for (const client of [api, second.api, api, second.api, api, second.api]) {
      statuses.push((await client.from(ip).GET('/products')).response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});
