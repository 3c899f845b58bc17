// The query-key hierarchy: invalidation works by prefix, so what sits under
// what decides which queries a write refreshes.
import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { storefrontKeys as keys } from '../../../react/src/index.js';

const under = (key: QueryKey, prefix: QueryKey) => partialMatchKey(key, prefix);

describe('storefrontKeys', () => {
  it('puts every page, infinite list and detail of a resource under its prefix', () => {
    for (const resource of [keys.users, keys.products, keys.orders]) {
      expect(under(resource.list({ page: 2 }), resource.lists())).toBe(true);
      expect(under(resource.infinite({}), resource.lists())).toBe(true);
      expect(under(resource.detail(7), resource.details())).toBe(true);
      expect(under(resource.detail(7), resource.lists())).toBe(false);
      for (const key of [resource.lists(), resource.details()]) expect(under(key, resource.all())).toBe(true);
      expect(under(resource.all(), keys.all())).toBe(true);
    }
  });

  it('keeps one resource out of another and the session out of all of them', () => {
    expect(under(keys.orders.list(), keys.products.all())).toBe(false);
    expect(under(keys.products.detail(1), keys.orders.all())).toBe(false);
    for (const prefix of [keys.users.all(), keys.products.all(), keys.orders.all(), keys.currentUser()])
      expect(under(keys.session(), prefix)).toBe(false);
  });

  it('gives a page and an infinite list with the same filters different keys (their data differ in shape)', () => {
    expect(keys.products.list({ search: 'lamp' })).not.toEqual(keys.products.infinite({ search: 'lamp' }));
  });

  it('tells filters apart and ignores filters left undefined', () => {
    expect(keys.products.list({ search: 'lamp' })).not.toEqual(keys.products.list({ search: 'desk' }));
    const withUndefined = keys.products.list({ search: 'lamp', category: undefined });
    expect(under(withUndefined, keys.products.list({ search: 'lamp' }))).toBe(true);
  });
});
