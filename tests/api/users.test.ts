import { describe, expect } from 'vitest';
import { PASSWORD, registerUser, uniqueName } from '../helpers/factories.js';
import { appTest } from '../helpers/fixtures.js';

const test = appTest();
/** An app of its own, whose fixture admin is its only admin. */
const aloneTest = appTest();

describe('GET /users', () => {
  test('pages through users for an admin, with has_next and total', async ({ admin, api }) => {
    for (let i = 0; i < 3; i++) await registerUser(api);
    const first = await api.get('/api/v1/users', { token: admin.token, query: { page_size: 2 } });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body).toMatchObject({ page: 1, page_size: 2, has_next: true });
    expect(first.body.total).toBeGreaterThanOrEqual(4);
    const last = await api.get('/api/v1/users', {
      token: admin.token,
      query: { page_size: 2, page: Math.ceil(first.body.total / 2) },
    });
    expect(last.body.has_next).toBe(false);
  });

  test('filters by role, is_active and a literal search', async ({ admin, api }) => {
    const target = await registerUser(api, {
      username: uniqueName('needle%_x').replace('%', 'p').replace('_x', 'x'),
    });
    const byRole = await api.get('/api/v1/users', { token: admin.token, query: { role: 'admin' } });
    expect(byRole.body.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
    const search = await api.get('/api/v1/users', {
      token: admin.token,
      query: { search: target.username.toUpperCase() },
    });
    expect(search.body.items.map((u: { id: number }) => u.id)).toEqual([target.id]);
    const wildcard = await api.get('/api/v1/users', { token: admin.token, query: { search: '%' } });
    expect(wildcard.body.total).toBe(0);
    const inactive = await api.get('/api/v1/users', { token: admin.token, query: { is_active: false } });
    expect(inactive.body.items.every((u: { is_active: boolean }) => !u.is_active)).toBe(true);
  });

  test('rejects page_size over 100 with 422 instead of clamping', async ({ admin, api }) => {
    const res = await api.get('/api/v1/users', { token: admin.token, query: { page_size: 101 } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('/query/page_size');
  });

  test('is 403 for a user and 401 without a token', async ({ api }) => {
    const user = await registerUser(api);
    expect((await api.get('/api/v1/users', { token: user.token })).body.code).toBe('AUTHORIZATION_ERROR');
    expect((await api.get('/api/v1/users')).status).toBe(401);
  });
});

describe('POST /users', () => {
  test('lets an admin create another admin', async ({ admin, api }) => {
    const username = uniqueName();
    const res = await api.post('/api/v1/users', {
      token: admin.token,
      body: { username, email: `${username}@example.com`, password: PASSWORD, role: 'admin' },
    });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('admin');
  });

  test('is 403 for a user, before looking at the body', async ({ api }) => {
    const user = await registerUser(api);
    const res = await api.post('/api/v1/users', { token: user.token, body: { username: 'x' } });
    expect(res.status).toBe(403);
  });

  test('is 401 without a token even for an invalid body', async ({ api }) => {
    const res = await api.post('/api/v1/users', { body: { nonsense: true } });
    expect(res.status).toBe(401);
  });
});

describe('GET /users/{user_id}', () => {
  test('lets users read themselves and admins read anyone', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect((await api.get(`/api/v1/users/${user.id}`, { token: user.token })).body.id).toBe(user.id);
    expect((await api.get(`/api/v1/users/${user.id}`, { token: admin.token })).status).toBe(200);
  });

  test('is 403 for another user, even for an id that does not exist', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    expect((await api.get(`/api/v1/users/${a.id}`, { token: b.token })).status).toBe(403);
    expect((await api.get('/api/v1/users/99999', { token: b.token })).status).toBe(403);
  });

  test('is 404 for an admin asking for a missing user, and 422 for a bad id', async ({ admin, api }) => {
    expect((await api.get('/api/v1/users/99999', { token: admin.token })).body.code).toBe('NOT_FOUND');
    expect((await api.get('/api/v1/users/abc', { token: admin.token })).status).toBe(422);
    expect((await api.get('/api/v1/users/0', { token: admin.token })).status).toBe(422);
  });
});

describe('PATCH /users/{user_id}', () => {
  test('updates the allowed fields for the user themselves', async ({ api }) => {
    const user = await registerUser(api);
    const res = await api.patch(`/api/v1/users/${user.id}`, {
      token: user.token,
      body: { full_name: 'New Name', username: uniqueName() },
    });
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe('New Name');
  });

  test('refuses role, is_active and id with 422 and changes nothing', async ({ api }) => {
    const user = await registerUser(api);
    for (const field of [{ role: 'admin' }, { is_active: false }, { id: 1 }, { password_hash: 'x' }]) {
      const res = await api.patch(`/api/v1/users/${user.id}`, {
        token: user.token,
        body: { full_name: 'x', ...field },
      });
      expect(res.status).toBe(422);
    }
    const me = await api.get('/api/v1/auth/me', { token: user.token });
    expect(me.body).toMatchObject({ role: 'user', is_active: true, full_name: null });
  });

  test('is 409 when the new email belongs to someone else', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    const res = await api.patch(`/api/v1/users/${b.id}`, { token: b.token, body: { email: a.email } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_EXISTS');
  });

  test('is 403 for another user and 422 for an empty body', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    expect((await api.patch(`/api/v1/users/${a.id}`, { token: b.token, body: { full_name: 'x' } })).status).toBe(403);
    expect((await api.patch(`/api/v1/users/${a.id}`, { token: a.token, body: {} })).status).toBe(422);
  });
});

describe('PUT /users/{user_id} (deprecated)', () => {
  test('behaves like PATCH', async ({ api }) => {
    const user = await registerUser(api);
    const res = await api.put(`/api/v1/users/${user.id}`, { token: user.token, body: { full_name: 'Via PUT' } });
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe('Via PUT');
    expect((await api.put(`/api/v1/users/${user.id}`, { token: user.token, body: { role: 'admin' } })).status).toBe(
      422,
    );
  });
});

describe('DELETE /users/{user_id}', () => {
  test('deactivates: the user can no longer log in and existing tokens stop at once', async ({ admin, api }) => {
    const user = await registerUser(api);
    const res = await api.delete(`/api/v1/users/${user.id}`, { token: admin.token });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const me = await api.get('/api/v1/auth/me', { token: user.token });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('TOKEN_REVOKED');
    const login = await api.post('/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    expect((await api.post('/api/v1/auth/refresh', { body: { refresh_token: user.refreshToken } })).status).toBe(401);
    const stored = await api.get(`/api/v1/users/${user.id}`, { token: admin.token });
    expect(stored.body.is_active).toBe(false);
  });

  test('is 403 for a user and 404 for a missing id', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect((await api.delete(`/api/v1/users/${user.id}`, { token: user.token })).status).toBe(403);
    expect((await api.delete('/api/v1/users/99999', { token: admin.token })).status).toBe(404);
  });
});

describe('POST /users/{user_id}/reactivate', () => {
  test('undoes a deactivation: the user logs in again, while the sessions it had stay ended', async ({
    admin,
    api,
  }) => {
    const user = await registerUser(api);
    expect((await api.delete(`/api/v1/users/${user.id}`, { token: admin.token })).status).toBe(204);
    const res = await api.post(`/api/v1/users/${user.id}/reactivate`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, is_active: true });
    expect((await api.get('/api/v1/auth/me', { token: user.token })).status).toBe(401);
    const login = await api.post('/api/v1/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.status).toBe(200);
    expect((await api.get('/api/v1/auth/me', { token: login.body.access_token })).status).toBe(200);
    // Again on an active user: nothing changes.
    const again = await api.post(`/api/v1/users/${user.id}/reactivate`, { token: admin.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  test('changes nothing on an active user, not even updated_at', async ({ admin, api }) => {
    const user = await registerUser(api);
    const before = await api.get(`/api/v1/users/${user.id}`, { token: admin.token });
    await new Promise((r) => setTimeout(r, 20)); // so that a write would give another updated_at
    const res = await api.post(`/api/v1/users/${user.id}/reactivate`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before.body);
    expect((await api.get('/api/v1/auth/me', { token: user.token })).status).toBe(200);
  });

  test('is 403 for a user (even on themself), 401 without a token and 404 for a missing id', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect((await api.post(`/api/v1/users/${user.id}/reactivate`, { token: user.token })).status).toBe(403);
    expect((await api.post(`/api/v1/users/${user.id}/reactivate`)).status).toBe(401);
    expect((await api.post('/api/v1/users/99999/reactivate', { token: admin.token })).status).toBe(404);
  });
});

describe('PUT /users/{user_id}/role', () => {
  test('promotes a user, whose next request has admin rights', async ({ admin, api }) => {
    const user = await registerUser(api);
    const res = await api.put(`/api/v1/users/${user.id}/role`, { token: admin.token, body: { role: 'admin' } });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('admin');
    expect((await api.get('/api/v1/users', { token: user.token })).status).toBe(200);
    await api.put(`/api/v1/users/${user.id}/role`, { token: admin.token, body: { role: 'user' } });
    expect((await api.get('/api/v1/users', { token: user.token })).status).toBe(403);
  });

  aloneTest('refuses to demote or deactivate the last active admin with 409', async ({ admin: only, api }) => {
    const demote = await api.put(`/api/v1/users/${only.id}/role`, {
      token: only.token,
      body: { role: 'user' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('CONFLICT');
    expect((await api.delete(`/api/v1/users/${only.id}`, { token: only.token })).status).toBe(409);
    expect((await api.get('/api/v1/auth/me', { token: only.token })).body.role).toBe('admin');
  });

  test('rejects an unknown role with 422', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect(
      (await api.put(`/api/v1/users/${user.id}/role`, { token: admin.token, body: { role: 'root' } })).status,
    ).toBe(422);
  });
});
