import { describe, expect } from 'vitest';
import { PASSWORD, registerUser, uniqueName } from '../helpers/factories.js';
import { appTest } from '../helpers/fixtures.js';

const test = appTest();
/** An app of its own, whose fixture admin is its only admin. */
const aloneTest = appTest();

const userPath = (user_id: number) => ({ params: { path: { user_id } } });

describe('GET /users', () => {
  test('pages through users for an admin, with has_next and total', async ({ admin, api }) => {
    for (let i = 0; i < 3; i++) await registerUser(api);
    const asAdmin = api.as(admin.token);
    const first = await asAdmin.GET('/users', { params: { query: { page_size: 2 } } });
    expect(first.response.status).toBe(200);
    expect(first.data?.items).toHaveLength(2);
    expect(first.data).toMatchObject({ page: 1, page_size: 2, has_next: true });
    const total = first.data?.total ?? 0;
    expect(total).toBeGreaterThanOrEqual(4);
    const last = await asAdmin.GET('/users', { params: { query: { page_size: 2, page: Math.ceil(total / 2) } } });
    expect(last.data?.has_next).toBe(false);
  });

  test('filters by role, is_active and a literal search', async ({ admin, api }) => {
    const target = await registerUser(api, {
      username: uniqueName('needle%_x').replace('%', 'p').replace('_x', 'x'),
    });
    const asAdmin = api.as(admin.token);
    const byRole = await asAdmin.GET('/users', { params: { query: { role: 'admin' } } });
    expect(byRole.data?.items.every((u) => u.role === 'admin')).toBe(true);
    const search = await asAdmin.GET('/users', { params: { query: { search: target.username.toUpperCase() } } });
    expect(search.data?.items.map((u) => u.id)).toEqual([target.id]);
    const wildcard = await asAdmin.GET('/users', { params: { query: { search: '%' } } });
    expect(wildcard.data?.total).toBe(0);
    const inactive = await asAdmin.GET('/users', { params: { query: { is_active: false } } });
    expect(inactive.data?.items.every((u) => !u.is_active)).toBe(true);
  });

  test('rejects page_size over 100 with 422 instead of clamping', async ({ admin, api }) => {
    const { error, response } = await api.as(admin.token).GET('/users', { params: { query: { page_size: 101 } } });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('/query/page_size');
  });

  test('is 403 for a user and 401 without a token', async ({ api }) => {
    const user = await registerUser(api);
    expect((await api.as(user.token).GET('/users')).error?.code).toBe('AUTHORIZATION_ERROR');
    expect((await api.GET('/users')).response.status).toBe(401);
  });
});

describe('POST /users', () => {
  test('lets an admin create another admin', async ({ admin, api }) => {
    const username = uniqueName();
    const { data, response } = await api.as(admin.token).POST('/users', {
      body: { username, email: `${username}@example.com`, password: PASSWORD, role: 'admin' },
    });
    expect(response.status).toBe(201);
    expect(data?.role).toBe('admin');
  });

  test('is 403 for a user, before looking at the body', async ({ api }) => {
    const user = await registerUser(api);
    // An incomplete body on purpose (no email, no password): the untyped escape.
    const res = await api.as(user.token).send('POST', '/api/v1/users', { body: { username: 'x' } });
    expect(res.status).toBe(403);
  });

  test('is 401 without a token even for an invalid body', async ({ api }) => {
    // A body the contract refuses on purpose: the untyped escape.
    const res = await api.send('POST', '/api/v1/users', { body: { nonsense: true } });
    expect(res.status).toBe(401);
  });
});

describe('GET /users/{user_id}', () => {
  test('lets users read themselves and admins read anyone', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect((await api.as(user.token).GET('/users/{user_id}', userPath(user.id))).data?.id).toBe(user.id);
    expect((await api.as(admin.token).GET('/users/{user_id}', userPath(user.id))).response.status).toBe(200);
  });

  test('is 403 for another user, even for an id that does not exist', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    expect((await api.as(b.token).GET('/users/{user_id}', userPath(a.id))).response.status).toBe(403);
    expect((await api.as(b.token).GET('/users/{user_id}', userPath(99999))).response.status).toBe(403);
  });

  test('is 404 for an admin asking for a missing user, and 422 for a bad id', async ({ admin, api }) => {
    const asAdmin = api.as(admin.token);
    expect((await asAdmin.GET('/users/{user_id}', userPath(99999))).error?.code).toBe('NOT_FOUND');
    // Ids the contract refuses on purpose (not an integer, below 1): the untyped escape.
    expect((await asAdmin.send('GET', '/api/v1/users/abc')).status).toBe(422);
    expect((await asAdmin.send('GET', '/api/v1/users/0')).status).toBe(422);
  });
});

describe('PATCH /users/{user_id}', () => {
  test('updates the allowed fields for the user themselves', async ({ api }) => {
    const user = await registerUser(api);
    const { data, response } = await api.as(user.token).PATCH('/users/{user_id}', {
      ...userPath(user.id),
      body: { full_name: 'New Name', username: uniqueName() },
    });
    expect(response.status).toBe(200);
    expect(data?.full_name).toBe('New Name');
  });

  test('refuses role, is_active and id with 422 and changes nothing', async ({ api }) => {
    const user = await registerUser(api);
    const asUser = api.as(user.token);
    for (const field of [{ role: 'admin' }, { is_active: false }, { id: 1 }, { password_hash: 'x' }]) {
      // Fields outside the contract (mass assignment) on purpose: the untyped escape.
      const res = await asUser.send('PATCH', `/api/v1/users/${user.id}`, { body: { full_name: 'x', ...field } });
      expect(res.status).toBe(422);
    }
    const me = await asUser.GET('/auth/me');
    expect(me.data).toMatchObject({ role: 'user', is_active: true, full_name: null });
  });

  test('is 409 when the new email belongs to someone else', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    const { error, response } = await api
      .as(b.token)
      .PATCH('/users/{user_id}', { ...userPath(b.id), body: { email: a.email } });
    expect(response.status).toBe(409);
    expect(error?.code).toBe('EMAIL_EXISTS');
  });

  test('is 403 for another user and 422 for an empty body', async ({ api }) => {
    const a = await registerUser(api);
    const b = await registerUser(api);
    const asB = api.as(b.token);
    expect((await asB.PATCH('/users/{user_id}', { ...userPath(a.id), body: { full_name: 'x' } })).response.status).toBe(
      403,
    );
    const asA = api.as(a.token);
    expect((await asA.PATCH('/users/{user_id}', { ...userPath(a.id), body: {} })).response.status).toBe(422);
  });
});

describe('PUT /users/{user_id} (deprecated)', () => {
  test('behaves like PATCH', async ({ api }) => {
    const user = await registerUser(api);
    const asUser = api.as(user.token);
    const { data, response } = await asUser.PUT('/users/{user_id}', {
      ...userPath(user.id),
      body: { full_name: 'Via PUT' },
    });
    expect(response.status).toBe(200);
    expect(data?.full_name).toBe('Via PUT');
    // A field outside the contract on purpose: the untyped escape.
    expect((await asUser.send('PUT', `/api/v1/users/${user.id}`, { body: { role: 'admin' } })).status).toBe(422);
  });
});

describe('DELETE /users/{user_id}', () => {
  test('deactivates: the user can no longer log in and existing tokens stop at once', async ({ admin, api }) => {
    const user = await registerUser(api);
    const asAdmin = api.as(admin.token);
    const { response } = await asAdmin.DELETE('/users/{user_id}', userPath(user.id));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const me = await api.as(user.token).GET('/auth/me');
    expect(me.response.status).toBe(401);
    expect(me.error?.code).toBe('TOKEN_REVOKED');
    const login = await api.POST('/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.response.status).toBe(401);
    expect(login.error?.code).toBe('INVALID_CREDENTIALS');
    const refresh = await api.POST('/auth/refresh', { body: { refresh_token: user.refreshToken } });
    expect(refresh.response.status).toBe(401);
    const stored = await asAdmin.GET('/users/{user_id}', userPath(user.id));
    expect(stored.data?.is_active).toBe(false);
  });

  test('is 403 for a user and 404 for a missing id', async ({ admin, api }) => {
    const user = await registerUser(api);
    expect((await api.as(user.token).DELETE('/users/{user_id}', userPath(user.id))).response.status).toBe(403);
    expect((await api.as(admin.token).DELETE('/users/{user_id}', userPath(99999))).response.status).toBe(404);
  });
});

describe('POST /users/{user_id}/reactivate', () => {
  test('undoes a deactivation: the user logs in again, while the sessions it had stay ended', async ({
    admin,
    api,
  }) => {
    const user = await registerUser(api);
    const asAdmin = api.as(admin.token);
    expect((await asAdmin.DELETE('/users/{user_id}', userPath(user.id))).response.status).toBe(204);
    const res = await asAdmin.POST('/users/{user_id}/reactivate', userPath(user.id));
    expect(res.response.status).toBe(200);
    expect(res.data).toMatchObject({ id: user.id, is_active: true });
    expect((await api.as(user.token).GET('/auth/me')).response.status).toBe(401);
    const login = await api.POST('/auth/login', { body: { email: user.email, password: user.password } });
    expect(login.response.status).toBe(200);
    expect((await api.as(login.data?.access_token).GET('/auth/me')).response.status).toBe(200);
    // Again on an active user: nothing changes.
    const again = await asAdmin.POST('/users/{user_id}/reactivate', userPath(user.id));
    expect(again.response.status).toBe(200);
    expect(again.data).toEqual(res.data);
  });

  test('changes nothing on an active user, not even updated_at', async ({ admin, api }) => {
    const user = await registerUser(api);
    const asAdmin = api.as(admin.token);
    const before = await asAdmin.GET('/users/{user_id}', userPath(user.id));
    await new Promise((r) => setTimeout(r, 20)); // so that a write would give another updated_at
    const res = await asAdmin.POST('/users/{user_id}/reactivate', userPath(user.id));
    expect(res.response.status).toBe(200);
    expect(res.data).toEqual(before.data);
    expect((await api.as(user.token).GET('/auth/me')).response.status).toBe(200);
  });

  test('is 403 for a user (even on themself), 401 without a token and 404 for a missing id', async ({ admin, api }) => {
    const user = await registerUser(api);
    const reactivate = (user_id: number, token?: string) =>
      api.as(token).POST('/users/{user_id}/reactivate', userPath(user_id));
    expect((await reactivate(user.id, user.token)).response.status).toBe(403);
    expect((await reactivate(user.id)).response.status).toBe(401);
    expect((await reactivate(99999, admin.token)).response.status).toBe(404);
  });
});

describe('PUT /users/{user_id}/role', () => {
  test('promotes a user, whose next request has admin rights', async ({ admin, api }) => {
    const user = await registerUser(api);
    const asAdmin = api.as(admin.token);
    const { data, response } = await asAdmin.PUT('/users/{user_id}/role', {
      ...userPath(user.id),
      body: { role: 'admin' },
    });
    expect(response.status).toBe(200);
    expect(data?.role).toBe('admin');
    expect((await api.as(user.token).GET('/users')).response.status).toBe(200);
    await asAdmin.PUT('/users/{user_id}/role', { ...userPath(user.id), body: { role: 'user' } });
    expect((await api.as(user.token).GET('/users')).response.status).toBe(403);
  });

  aloneTest('refuses to demote or deactivate the last active admin with 409', async ({ admin: only, api }) => {
    const asOnly = api.as(only.token);
    const demote = await asOnly.PUT('/users/{user_id}/role', { ...userPath(only.id), body: { role: 'user' } });
    expect(demote.response.status).toBe(409);
    expect(demote.error?.code).toBe('CONFLICT');
    expect((await asOnly.DELETE('/users/{user_id}', userPath(only.id))).response.status).toBe(409);
    expect((await asOnly.GET('/auth/me')).data?.role).toBe('admin');
  });

  test('rejects an unknown role with 422', async ({ admin, api }) => {
    const user = await registerUser(api);
    // A role outside the contract's enum on purpose: the untyped escape.
    const res = await api.as(admin.token).send('PUT', `/api/v1/users/${user.id}/role`, { body: { role: 'root' } });
    expect(res.status).toBe(422);
  });
});
