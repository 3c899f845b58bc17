// Injection and hostile input: SQL metacharacters, LIKE wildcards, prototype
// pollution keys, NUL bytes and invalid UTF-8 never cause a 5xx or touch
// another record.
import { describe, expect } from 'vitest';
import { registerUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest().extend('victim', { scope: 'file' }, ({ api }) => registerUser(api));

// The rows the searches below must not leak or match by accident.
test.beforeAll(async ({ admin, api }) => {
  for (const name of ['100% cotton shirt', 'snake_case mug', 'plain lamp']) {
    await api.post('/api/v1/products', { token: admin.token, body: { name, price: 5, stock: 3 } });
  }
});

const SQL = ["' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', '1; SELECT pg_sleep(5)', '\\', "%' --", "admin'--"];

describe('SQL injection', () => {
  test('treats SQL metacharacters in search as plain text', async ({ admin, api }) => {
    for (const search of SQL) {
      const res = await api.get('/api/v1/products', { query: { search } });
      expect(res.status, search).toBe(200);
      expect(res.body.total, search).toBe(0);
    }
    const users = await api.get('/api/v1/users', { token: admin.token, query: { search: "' OR 1=1 --" } });
    expect(users.body.total).toBe(0);
  });

  test('matches % and _ literally', async ({ api }) => {
    const percent = await api.get('/api/v1/products', { query: { search: '%' } });
    expect(percent.body.items.map((p: { name: string }) => p.name)).toEqual(['100% cotton shirt']);
    const underscore = await api.get('/api/v1/products', { query: { search: '_' } });
    expect(underscore.body.items.map((p: { name: string }) => p.name)).toEqual(['snake_case mug']);
  });

  test('stores SQL in text fields verbatim without running it', async ({ admin, api, user }) => {
    for (const name of SQL) {
      const res = await api.patch(`/api/v1/users/${user.id}`, { token: user.token, body: { full_name: name } });
      expect(res.status).toBe(200);
      expect(res.body.full_name).toBe(name);
    }
    expect((await api.get('/api/v1/users', { token: admin.token })).status).toBe(200);
  });

  test('refuses SQL in a path id with 422', async ({ api }) => {
    for (const id of ['1 OR 1=1', '1;DROP TABLE users', '-1', '99999999999', '1.5']) {
      const res = await api.get(`/api/v1/products/${encodeURIComponent(id)}`);
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
      const res = await api.patch(`/api/v1/users/${user.id}`, {
        token: user.token,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect((await api.get('/api/v1/auth/me', { token: user.token })).body.role).toBe('user');
    const query = await api.get('/api/v1/products?__proto__[x]=1&constructor[prototype][y]=2');
    expect(query.status).toBeLessThan(500);
  });

  test('answers NUL bytes and invalid UTF-8 without a 5xx', async ({ api, user }) => {
    const bodies: Array<string | Buffer> = [
      '{"full_name":"nul\\u0000byte"}',
      Buffer.from([
        0x7b, 0x22, 0x66, 0x75, 0x6c, 0x6c, 0x5f, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d,
      ]), // {"full_name":"<overlong />"}
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (const payload of bodies) {
      const res = await api.patch(`/api/v1/users/${user.id}`, {
        token: user.token,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, String(payload)).toBeLessThan(500);
    }
    for (const search of ['a\u0000b', '\ud800']) {
      expect((await api.get('/api/v1/products', { query: { search } })).status).toBeLessThan(500);
    }
  });

  test('never touched the other user', async ({ admin, api, victim }) => {
    const res = await api.get(`/api/v1/users/${victim.id}`, { token: admin.token });
    expect(res.body).toMatchObject({
      username: victim.username,
      email: victim.email,
      full_name: null,
      role: 'user',
      is_active: true,
    });
  });
});
