// Injection and hostile input: SQL metacharacters, LIKE wildcards, prototype
// pollution keys, NUL bytes and invalid UTF-8 never cause a 5xx or touch
// another record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app.js';
import { createAdmin, registerUser, type TestUser } from '../../helpers/factories.js';

let t: TestApp;
let admin: TestUser;
let user: TestUser;
let victim: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createAdmin(t.api, t.database.handle.db);
  user = await registerUser(t.api);
  victim = await registerUser(t.api);
  for (const name of ['100% cotton shirt', 'snake_case mug', 'plain lamp']) {
    await t.api.post('/api/v1/products', { token: admin.token, body: { name, price: 5, stock: 3 } });
  }
});
afterAll(() => t.close());

const SQL = ["' OR '1'='1", "'; DROP TABLE users; --", '" OR ""="', '1; SELECT pg_sleep(5)', '\\', "%' --", "admin'--"];

describe('SQL injection', () => {
  it('treats SQL metacharacters in search as plain text', async () => {
    for (const search of SQL) {
      const res = await t.api.get('/api/v1/products', { query: { search } });
      expect(res.status, search).toBe(200);
      expect(res.body.total, search).toBe(0);
    }
    const users = await t.api.get('/api/v1/users', { token: admin.token, query: { search: "' OR 1=1 --" } });
    expect(users.body.total).toBe(0);
  });

  it('matches % and _ literally', async () => {
    const percent = await t.api.get('/api/v1/products', { query: { search: '%' } });
    expect(percent.body.items.map((p: { name: string }) => p.name)).toEqual(['100% cotton shirt']);
    const underscore = await t.api.get('/api/v1/products', { query: { search: '_' } });
    expect(underscore.body.items.map((p: { name: string }) => p.name)).toEqual(['snake_case mug']);
  });

  it('stores SQL in text fields verbatim without running it', async () => {
    for (const name of SQL) {
      const res = await t.api.patch(`/api/v1/users/${user.id}`, { token: user.token, body: { full_name: name } });
      expect(res.status).toBe(200);
      expect(res.body.full_name).toBe(name);
    }
    expect((await t.api.get('/api/v1/users', { token: admin.token })).status).toBe(200);
  });

  it('refuses SQL in a path id with 422', async () => {
    for (const id of ['1 OR 1=1', '1;DROP TABLE users', '-1', '99999999999', '1.5']) {
      const res = await t.api.get(`/api/v1/products/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(422);
    }
  });
});

describe('hostile JSON', () => {
  it('refuses __proto__ and constructor keys without polluting anything', async () => {
    for (const payload of [
      '{"full_name":"x","__proto__":{"role":"admin"}}',
      '{"full_name":"x","constructor":{"prototype":{"role":"admin"}}}',
    ]) {
      const res = await t.api.patch(`/api/v1/users/${user.id}`, {
        token: user.token,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).role).toBeUndefined();
    expect((await t.api.get('/api/v1/auth/me', { token: user.token })).body.role).toBe('user');
    const query = await t.api.get('/api/v1/products?__proto__[x]=1&constructor[prototype][y]=2');
    expect(query.status).toBeLessThan(500);
  });

  it('answers NUL bytes and invalid UTF-8 without a 5xx', async () => {
    const bodies: Array<string | Buffer> = [
      '{"full_name":"nul\\u0000byte"}',
      Buffer.from([
        0x7b, 0x22, 0x66, 0x75, 0x6c, 0x6c, 0x5f, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d,
      ]), // {"full_name":"<overlong />"}
      Buffer.from([0xff, 0xfe, 0x00]),
    ];
    for (const payload of bodies) {
      const res = await t.api.patch(`/api/v1/users/${user.id}`, {
        token: user.token,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, String(payload)).toBeLessThan(500);
    }
    for (const search of ['a\u0000b', '\ud800']) {
      expect((await t.api.get('/api/v1/products', { query: { search } })).status).toBeLessThan(500);
    }
  });

  it('never touched the other user', async () => {
    const res = await t.api.get(`/api/v1/users/${victim.id}`, { token: admin.token });
    expect(res.body).toMatchObject({
      username: victim.username,
      email: victim.email,
      full_name: null,
      role: 'user',
      is_active: true,
    });
  });
});
