// The invalidation table run on a real QueryClient (no React needed): after
// each write, which cached answers are fresh, stale, replaced or gone.
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { mutationEffects, storefrontKeys as keys } from '../../../react/src/index.js';
import { applyEffects, staleAfterFailure } from '../../../react/src/invalidation.js';

const order = (id: number, status: string) => ({ id, status, items: [] });
const product = (id: number, name: string) => ({ id, name });

let client: QueryClient;
const seeded: [QueryKey, unknown][] = [
  [keys.session(), { id: 1 }],
  [keys.currentUser(), { id: 1 }],
  [keys.users.list(), { items: [] }],
  [keys.users.detail(1), { id: 1 }],
  [keys.products.list({ search: 'lamp' }), { items: [] }],
  [keys.products.infinite({ category: 'books' }), { pages: [], pageParams: [] }],
  [keys.products.detail(5), product(5, 'Lamp')],
  [keys.orders.list(), { items: [] }],
  [keys.orders.list({ status: 'pending' }), { items: [] }],
  [keys.orders.infinite({}), { pages: [], pageParams: [] }],
  [keys.orders.detail(7), order(7, 'pending')],
  [keys.orders.detail(8), order(8, 'pending')],
];

/** Each seeded query as fresh, stale or gone. */
function states(): Record<string, 'fresh' | 'stale' | 'gone'> {
  return Object.fromEntries(
    seeded.map(([key]) => {
      const query = client.getQueryCache().find({ queryKey: key, exact: true });
      return [JSON.stringify(key), !query ? 'gone' : query.state.isInvalidated ? 'stale' : 'fresh'];
    }),
  );
}
const state = (key: QueryKey) => states()[JSON.stringify(key)];
const changed = () => Object.entries(states()).filter(([, s]) => s !== 'fresh');

beforeEach(() => {
  client = new QueryClient();
  for (const [key, data] of seeded) client.setQueryData(key, data);
});

describe('mutationEffects', () => {
  it('cancelOrder: marks that order, every order list and the products stale (the answer is not the order)', async () => {
    const answer = { status: 'success', message: 'Order cancelled', order_id: 7 };
    await applyEffects(client, mutationEffects.cancelOrder({ orderId: 7 }, answer as never));
    expect(client.getQueryData(keys.orders.detail(7))).toEqual(order(7, 'pending'));
    expect(state(keys.orders.detail(7))).toBe('stale');
    expect(state(keys.orders.detail(8))).toBe('fresh');
    for (const key of [keys.orders.list(), keys.orders.list({ status: 'pending' }), keys.orders.infinite({})])
      expect(state(key)).toBe('stale');
    expect(state(keys.products.detail(5))).toBe('stale');
    expect(state(keys.users.detail(1))).toBe('fresh');
    expect(state(keys.session())).toBe('fresh');
  });

  it('createOrder: the new order is cached under its id, order lists are stale', async () => {
    await applyEffects(
      client,
      mutationEffects.createOrder(
        { body: { items: [], shipping_address: 'x' } } as never,
        order(9, 'pending') as never,
      ),
    );
    expect(client.getQueryData(keys.orders.detail(9))).toEqual(order(9, 'pending'));
    expect(state(keys.orders.list())).toBe('stale');
    expect(state(keys.orders.detail(7))).toBe('fresh');
  });

  it('updateProduct: the product is replaced, product lists are stale, orders untouched', async () => {
    await applyEffects(
      client,
      mutationEffects.updateProduct({ productId: 5, body: { name: 'Desk lamp' } }, product(5, 'Desk lamp') as never),
    );
    expect(client.getQueryData(keys.products.detail(5))).toEqual(product(5, 'Desk lamp'));
    expect(changed().map(([key]) => key)).toEqual([
      JSON.stringify(keys.products.list({ search: 'lamp' })),
      JSON.stringify(keys.products.infinite({ category: 'books' })),
    ]);
  });

  it('deleteProduct: the product leaves the cache, product lists are stale', async () => {
    await applyEffects(client, mutationEffects.deleteProduct({ productId: 5 }, {} as never));
    expect(state(keys.products.detail(5))).toBe('gone');
    expect(state(keys.products.list({ search: 'lamp' }))).toBe('stale');
    expect(state(keys.orders.list())).toBe('fresh');
  });

  it('createProduct: product lists are stale, nothing else', async () => {
    await applyEffects(client, mutationEffects.createProduct({ body: {} as never }, product(6, 'Chair') as never));
    expect(client.getQueryData(keys.products.detail(6))).toEqual(product(6, 'Chair'));
    expect(changed()).toHaveLength(2);
  });

  it('login: drops the previous account’s data, keeps the public catalogue, re-checks the session', async () => {
    await applyEffects(
      client,
      mutationEffects.login({ body: { email: 'a@b.c', password: 'x' } } as never, {} as never),
    );
    for (const key of [keys.currentUser(), keys.users.detail(1), keys.orders.list(), keys.orders.detail(7)])
      expect(state(key)).toBe('gone');
    expect(state(keys.products.detail(5))).toBe('fresh');
    expect(state(keys.session())).toBe('stale');
  });

  it('logout: the session is null at once and the account’s data is gone', async () => {
    await applyEffects(client, mutationEffects.logout(undefined, undefined));
    expect(client.getQueryData(keys.session())).toBeNull();
    expect(state(keys.orders.infinite({}))).toBe('gone');
    expect(state(keys.products.list({ search: 'lamp' }))).toBe('fresh');
  });

  it('setUserRole: the user is replaced and the session re-checked (it may be the signed-in account)', async () => {
    await applyEffects(client, mutationEffects.setUserRole({ userId: 1, body: { role: 'admin' } }, { id: 1 } as never));
    expect(state(keys.users.detail(1))).toBe('fresh');
    expect(state(keys.session())).toBe('stale');
    expect(state(keys.currentUser())).toBe('stale');
    expect(state(keys.users.list())).toBe('stale');
  });

  it('refreshToken and changePassword leave every cached answer as it is', async () => {
    await applyEffects(client, mutationEffects.refreshToken(undefined, undefined));
    await applyEffects(client, mutationEffects.changePassword({ body: {} as never }, undefined));
    expect(changed()).toEqual([]);
  });
});

describe('staleAfterFailure', () => {
  it('a status change refused with 409 marks that order and the lists stale, keeping what is shown until the refetch', async () => {
    const refused = mutationEffects.updateOrderStatus({ orderId: 7, body: { status: 'shipped' } }, undefined);
    await applyEffects(client, staleAfterFailure(refused));
    expect(client.getQueryData(keys.orders.detail(7))).toEqual(order(7, 'pending'));
    expect(state(keys.orders.detail(7))).toBe('stale');
    expect(state(keys.orders.list())).toBe('stale');
    expect(state(keys.orders.detail(8))).toBe('fresh');
  });

  it('never removes anything', async () => {
    await applyEffects(client, staleAfterFailure(mutationEffects.deleteProduct({ productId: 5 }, undefined)));
    expect(changed().filter(([, s]) => s === 'gone')).toEqual([]);
  });
});
