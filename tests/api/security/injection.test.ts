// Injection and hostile input: SQL metacharacters, LIKE wildcards, prototype
// pollution keys, NUL bytes and invalid UTF-8 never cause a 5xx or touch
// another record.
import { describe, expect } from 'vitest';
import { createProduct } from '../../helpers/catalogue.js';
import { registerUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest().extend('victim', { scope: 'file' }, ({ api }) => registerUser(api));

// The rows the searches below must not leak or match by accident.
test.beforeAll(async ({ admin, api }) => {
  for (const name of ['100% cotton shirt', 'snake_case mug', 'plain lamp']) {
    await createProduct(api, admin.token, { name, price: 5, stock: 3 });
  }
});

const SQL = ["' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', '1; SELECT pg_sleep(5)', '\\', "%' --", "admin'--"];

describe('SQL injection', () => {
  test('treats SQL metacharacters in search as plain text', async ({ admin, api }) => {
    for (const search of SQL) {
      const { data, response } = await api.GET('/products', { params: { query: { search } } });
      expect(response.status, search).toBe(200);
      expect(data?.total, search).toBe(0);
    }
    const users = await api.as(admin.token).GET('/users', { params: { query: { search: "' OR 1=1 --" } } });
    expect(users.data?.total).toBe(0);
  });

  test('matches % and _ literally', async ({ api }) => {
    const names = async (search: string) =>
      (await api.GET('/products', { params: { query: { search } } })).data?.items.map((p) => p.name);
    expect(await names('%')).toEqual(['100% cotton shirt']);
    expect(await names('_')).toEqual(['snake_case mug']);
  });

  test('stores SQL in text fields verbatim without running it', async ({ admin, api, user }) => {
    for (const name of SQL) {
      const { data, response } = await api
        .as(user.token)
        .PATCH('/users/{user_id}', { params: { path: { user_id: user.id } }, body: { full_name: name } });
      expect(response.status).toBe(200);
      expect(data?.full_name).toBe(name);
    }
    expect((await api.as(admin.token).GET('/users')).response.status).toBe(200);
  });

  test('refuses SQL in a path id with 422', async ({ api }) => {
    for (const id of ['1 OR 1=1', '1;DROP TABLE users', '-1', '99999999999', '1.5']) {
      // Ids the contract refuses on purpose: the untyped escape.
      const res = await api.send('GET', `/api/v1/products/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(422);
    }
  });
});

describe('hostile JSON', () => {
  test('refuses __proto__ and constructor keys without polluting anything', async ({ api, user }) => {
    for (const payload of [
      '{"full_name":"x","__proto__":{"role":"admin"}}',
      '{"full_name":"x","constructor":{"prototype":{"role":"admin"}}}',
    ]) {
      const res = await api.as(user.token).send('PATCH', `/api/v1/users/${user.id}`, {
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect((await api.as(user.token).GET('/auth/me')).data?.role).toBe('user');
    const query = await api.send('GET', '/api/v1/products?__proto__[x]=1&constructor[prototype][y]=2');
    expect(query.status).toBeLessThan(500);
  });

  test('answers NUL bytes and invalid UTF-8 without a 5xx', async ({ api, user }) => {
    const bodies: Array<string | Uint8Array<ArrayBuffer>> = [
      '{"full_name":"nul\\u0000byte"}',
      Uint8Array.from([
        0x7b, 0x22, 0x66, 0x75, 0x6c, 0x6c, 0x5f, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d,
      ]), // {"full_name":"<overlong />"}
      Uint8Array.from([0xff, 0xfe, 0x00]),
    ];
    for (const payload of bodies) {
      const res = await api.as(user.token).send('PATCH', `/api/v1/users/${user.id}`, {
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, String(payload)).toBeLessThan(500);
    }
    for (const search of ['a\u0000b', '\ud800']) {
      // A lone surrogate cannot be URI-encoded by the typed client: the untyped escape, as a browser would send it.
      expect((await api.send('GET', `/api/v1/products?${new URLSearchParams({ search })}`)).status).toBeLessThan(500);
    }
  });

  test('never touched the other user', async ({ admin, api, victim }) => {
    const { data } = await api.as(admin.token).GET('/users/{user_id}', { params: { path: { user_id: victim.id } } });
    expect(data).toMatchObject({
      username: victim.username,
      email: victim.email,
      full_name: null,
      role: 'user',
      is_active: true,
    });
  });
});
