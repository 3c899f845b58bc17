// The async iterators walk every page of a list operation.
import { describe, expect } from 'vitest';
import type { Storefront } from '../../../sdk/src/index.js';
import { registerUser, uniqueName } from '../../helpers/factories.js';
import { recordingFetch, liveServerTest } from '../../helpers/live-server.js';

const test = liveServerTest();
let admin: Storefront;
const rec = recordingFetch();
test.beforeAll(async ({ server }) => {
  ({ sdk: admin } = await server.signedIn({ admin: true, fetch: rec.fetch }));
});

describe('iterate()', () => {
  test('walks all users over more than two pages, lazily, page by page', async ({ server }) => {
    const prefix = uniqueName('pager');
    const created = await Promise.all(
      Array.from({ length: 23 }, (_, i) => registerUser(server.api, { username: `${prefix}_${i}` })),
    );
    rec.calls.length = 0;
    const seen: number[] = [];
    for await (const user of admin.users.iterate({ search: prefix, page_size: 10 })) seen.push(user.id);
    expect(seen.sort((a, b) => a - b)).toEqual(created.map((u) => u.id).sort((a, b) => a - b));
    expect(rec.count('GET', '/users')).toBe(3);
  });

  test('pages() yields whole pages and stops on has_next=false; a break stops fetching', async ({ server }) => {
    const prefix = uniqueName('pages');
    await Promise.all(Array.from({ length: 5 }, (_, i) => registerUser(server.api, { username: `${prefix}_${i}` })));
    const sizes: number[] = [];
    for await (const page of admin.users.iterate({ search: prefix, page_size: 2 }).pages())
      sizes.push(page.items.length);
    expect(sizes).toEqual([2, 2, 1]);
    rec.calls.length = 0;
    for await (const user of admin.users.iterate({ search: prefix, page_size: 2 })) {
      expect(user.username.startsWith(prefix)).toBe(true);
      break;
    }
    expect(rec.count('GET', '/users')).toBe(1);
  });

  test('walks the product catalogue with filters (>2 pages)', async ({ server }) => {
    const category = uniqueName('cat');
    for (let i = 0; i < 25; i += 1)
      await admin.products.create({ name: `${category} item ${i}`, price: 1 + i, stock: 5, category });
    const prices: number[] = [];
    for await (const product of server.sdk().products.iterate({ category, page_size: 10, sort: 'price' }))
      prices.push(product.price);
    expect(prices).toEqual(Array.from({ length: 25 }, (_, i) => 1 + i));
    expect(await server.sdk().products.iterate({ category, page_size: 10, min_price: 20 }).toArray()).toHaveLength(6);
  });
});
