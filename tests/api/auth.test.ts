import { createHmac } from 'node:crypto';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { TEST_ENV } from '../helpers/app.js';
import { PASSWORD, registerUser, uniqueName, login } from '../helpers/factories.js';
import type { TestClient } from '../helpers/test-client.js';

const test = appTest();

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function forge(claims: Record<string, unknown>, { secret = TEST_ENV.JWT_SECRET, alg = 'HS256' } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg, typ: 'JWT' });
  const body = b64({
    sub: '1',
    sid: 1,
    role: 'admin',
    typ: 'access',
    jti: 'x',
    iss: 'storefront',
    aud: 'storefront-api',
    iat: now,
    exp: now + 600,
    ...claims,
  });
  if (alg === 'none') return `${head}.${body}.`;
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

const me = (api: TestClient, token: string | undefined) => api.as(token).GET('/auth/me');
const refresh = (api: TestClient, refresh_token: string) => api.POST('/auth/refresh', { body: { refresh_token } });

describe('POST /auth/register', () => {
  test('creates a user with the user role and a Location header', async ({ api }) => {
    const username = uniqueName();
    const { data, response } = await api.POST('/auth/register', {
      body: { username, email: `${username}@Example.com`, password: PASSWORD, full_name: 'Ada Lovelace' },
    });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      username,
      email: `${username}@Example.com`,
      full_name: 'Ada Lovelace',
      role: 'user',
      is_active: true,
    });
    expect(response.headers.get('location')).toBe(`/api/v1/users/${data?.id}`);
  });

  test('returns 422 naming every invalid field and each broken password rule', async ({ api }) => {
    const { error, response } = await api.POST('/auth/register', {
      body: { username: 'a!', email: 'not-an-email', password: 'password' },
    });
    expect(response.status).toBe(422);
    expect(error?.code).toBe('VALIDATION_ERROR');
    const paths = error?.errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/body/username', '/body/email', '/body/password']));
    const messages = error?.errors?.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'must contain an upper-case letter',
        'must contain a digit',
        'must contain a special character',
      ]),
    );
  });

  test('refuses a password longer than 72 characters (bcrypt limit)', async ({ api }) => {
    const { error, response } = await api.POST('/auth/register', {
      body: { username: uniqueName(), email: `${uniqueName()}@example.com`, password: `Aa1#${'x'.repeat(69)}` },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.path).toBe('/body/password');
  });

  test('refuses mass assignment of role with 422, never applying it', async ({ api }) => {
    // An unknown field (`role`) on purpose: the untyped escape.
    const res = await api.send('POST', '/api/v1/auth/register', {
      body: { username: uniqueName(), email: `${uniqueName()}@example.com`, password: PASSWORD, role: 'admin' },
    });
    expect(res.status).toBe(422);
    expect((res.body as { errors: unknown[] }).errors).toContainEqual({
      path: '/body/role',
      message: 'is not allowed',
    });
  });

  test('returns 409 EMAIL_EXISTS for an email taken in another case', async ({ api }) => {
    const user = await registerUser(api);
    const { error, response } = await api.POST('/auth/register', {
      body: { username: uniqueName(), email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.status).toBe(409);
    expect(error?.code).toBe('EMAIL_EXISTS');
  });

  test('returns 409 USERNAME_EXISTS for a taken username', async ({ api }) => {
    const user = await registerUser(api);
    const { error, response } = await api.POST('/auth/register', {
      body: { username: user.username, email: `${uniqueName()}@example.com`, password: PASSWORD },
    });
    expect(response.status).toBe(409);
    expect(error?.code).toBe('USERNAME_EXISTS');
  });

  test('lets exactly one of two racing registrations of the same email win', async ({ api }) => {
    const email = `${uniqueName()}@example.com`;
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        api.POST('/auth/register', { body: { username: uniqueName(), email, password: PASSWORD } }),
      ),
    );
    const statuses = results.map((r) => r.response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
  });

  test('answers 400 for malformed JSON, not 500', async ({ api }) => {
    // Malformed JSON on purpose: the untyped escape.
    const res = await api.send('POST', '/api/v1/auth/register', {
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect((res.body as { code: string }).code).toBe('BAD_REQUEST');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('POST /auth/login', () => {
  test('returns a token pair for email, username and an email in the username field', async ({ api }) => {
    const user = await registerUser(api);
    const accounts: Array<{ email: string } | { username: string }> = [
      { email: user.email },
      { username: user.username },
      { username: user.email },
    ];
    for (const account of accounts) {
      const { data, response } = await api.POST('/auth/login', { body: { ...account, password: user.password } });
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ token_type: 'bearer', expires_in: 900 });
      const claims = JSON.parse(Buffer.from(data!.access_token.split('.')[1]!, 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims).toMatchObject({ sub: String(user.id), role: 'user', iss: 'storefront', aud: 'storefront-api' });
    }
  });

  test('gives the same 401 body for a wrong password and an unknown account', async ({ api }) => {
    const user = await registerUser(api);
    const wrong = await api.POST('/auth/login', { body: { email: user.email, password: 'Wrong#Pass1' } });
    const unknown = await api.POST('/auth/login', { body: { email: 'nobody@example.com', password: 'Wrong#Pass1' } });
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    const strip = (b: object | undefined) => ({ ...b, request_id: undefined });
    expect(strip(wrong.error)).toEqual(strip(unknown.error));
    expect(wrong.error?.code).toBe('INVALID_CREDENTIALS');
  });

  test('returns 422 when neither email nor username is given', async ({ api }) => {
    // A body the contract forbids (no email, no username): the untyped escape.
    const res = await api.send('POST', '/api/v1/auth/login', { body: { password: 'x' } });
    expect(res.status).toBe(422);
  });
});

describe('POST /auth/refresh', () => {
  test('rotates: returns a new refresh token and the old one stops working', async ({ api }) => {
    const user = await registerUser(api);
    const first = await refresh(api, user.refreshToken);
    expect(first.response.status).toBe(200);
    expect(first.data?.refresh_token).not.toBe(user.refreshToken);
    expect((await me(api, first.data?.access_token)).response.status).toBe(200);
  });

  test('revokes the whole family when a used refresh token is presented again', async ({ api }) => {
    const user = await registerUser(api);
    const rotated = await refresh(api, user.refreshToken);
    expect(rotated.response.status).toBe(200);
    const reuse = await refresh(api, user.refreshToken);
    expect(reuse.response.status).toBe(401);
    expect(reuse.error?.code).toBe('TOKEN_REVOKED');
    // The legitimate newer tokens of that family are dead too.
    expect((await refresh(api, rotated.data!.refresh_token)).response.status).toBe(401);
    expect((await me(api, rotated.data!.access_token)).error?.code).toBe('TOKEN_REVOKED');
    expect((await me(api, user.token)).response.status).toBe(401);
  });

  test('returns 401 for an unknown refresh token', async ({ api }) => {
    const { error, response } = await refresh(api, 'not-a-real-token');
    expect(response.status).toBe(401);
    expect(error?.code).toBe('AUTHENTICATION_ERROR');
  });

  test('does not accept a refresh token as an access token', async ({ api }) => {
    const user = await registerUser(api);
    expect((await me(api, user.refreshToken)).response.status).toBe(401);
  });
});

describe('POST /auth/logout', () => {
  test('ends the session: the access token and its refresh token stop working at once', async ({ api }) => {
    const user = await registerUser(api);
    const out = await api.as(user.token).POST('/auth/logout');
    expect(out.response.status).toBe(200);
    expect(out.data?.message).toBeTruthy();
    const after = await me(api, user.token);
    expect(after.response.status).toBe(401);
    expect(after.error?.code).toBe('TOKEN_REVOKED');
    expect((await refresh(api, user.refreshToken)).response.status).toBe(401);
  });

  test("leaves the user's other sessions alone", async ({ api }) => {
    const user = await registerUser(api);
    const other = await login(api, user.email, user.password);
    await api.as(user.token).POST('/auth/logout');
    expect((await me(api, other.access_token)).response.status).toBe(200);
  });
});

describe('POST /auth/logout-all', () => {
  test("ends every session of the user at once, this one included, and no one else's", async ({ api }) => {
    const user = await registerUser(api);
    const phone = await login(api, user.email, user.password);
    const laptop = await login(api, user.email, user.password);
    const bystander = await registerUser(api);
    const out = await api.as(phone.access_token).POST('/auth/logout-all');
    expect(out.response.status).toBe(200);
    expect(out.data?.message).toBe('Logged out of 3 sessions');
    for (const token of [user.token, phone.access_token, laptop.access_token]) {
      const after = await me(api, token);
      expect(after.response.status).toBe(401);
      expect(after.error?.code).toBe('TOKEN_REVOKED');
    }
    for (const refreshToken of [user.refreshToken, phone.refresh_token, laptop.refresh_token]) {
      expect((await refresh(api, refreshToken)).response.status).toBe(401);
    }
    expect((await me(api, bystander.token)).response.status).toBe(200);
    // Logging in again starts a new session.
    const again = await login(api, user.email, user.password);
    expect((await me(api, again.access_token)).response.status).toBe(200);
  });

  test('needs a live session', async ({ api }) => {
    expect((await api.POST('/auth/logout-all')).response.status).toBe(401);
  });
});

describe('GET /auth/me', () => {
  test('returns the caller without any secret', async ({ api }) => {
    const user = await registerUser(api);
    const { data, response } = await me(api, user.token);
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: user.id, username: user.username, role: 'user' });
    expect(Object.keys(data ?? {}).sort()).toEqual([
      'created_at',
      'email',
      'full_name',
      'id',
      'is_active',
      'role',
      'updated_at',
      'username',
    ]);
  });

  test('rejects missing, malformed, forged, expired and alg:none tokens with 401', async ({ api }) => {
    const user = await registerUser(api);
    const cases: Array<[string, Record<string, string>, string]> = [
      ['missing', {}, 'AUTHENTICATION_ERROR'],
      ['not bearer', { authorization: `Basic ${user.token}` }, 'AUTHENTICATION_ERROR'],
      ['garbage', { authorization: 'Bearer abc.def.ghi' }, 'AUTHENTICATION_ERROR'],
      [
        'wrong signature',
        {
          authorization: `Bearer ${forge({ sub: String(user.id) }, { secret: 'another-secret-of-sufficient-length!!' })}`,
        },
        'AUTHENTICATION_ERROR',
      ],
      [
        'alg none',
        { authorization: `Bearer ${forge({ sub: String(user.id) }, { alg: 'none' })}` },
        'AUTHENTICATION_ERROR',
      ],
      ['wrong issuer', { authorization: `Bearer ${forge({ iss: 'evil' })}` }, 'AUTHENTICATION_ERROR'],
      ['wrong audience', { authorization: `Bearer ${forge({ aud: 'other-api' })}` }, 'AUTHENTICATION_ERROR'],
      ['expired', { authorization: `Bearer ${forge({ iat: 1000, exp: 2000 })}` }, 'TOKEN_EXPIRED'],
      [
        'not yet valid',
        { authorization: `Bearer ${forge({ nbf: Math.floor(Date.now() / 1000) + 3600 })}` },
        'AUTHENTICATION_ERROR',
      ],
    ];
    for (const [name, headers, code] of cases) {
      // Raw Authorization headers, some not Bearer at all: the untyped escape.
      const res = await api.send('GET', '/api/v1/auth/me', { headers });
      expect(res.status, name).toBe(401);
      expect((res.body as { code: string }).code, name).toBe(code);
      expect(res.headers.get('www-authenticate'), name).toMatch(/^Bearer/);
    }
  });

  test('rejects a validly signed token whose session does not exist', async ({ api }) => {
    const { error, response } = await me(api, forge({ sub: '1', sid: 999999 }));
    expect(response.status).toBe(401);
    expect(error?.code).toBe('TOKEN_REVOKED');
  });
});

describe('PUT /auth/password', () => {
  test('changes the password and revokes every other session, keeping this one', async ({ api }) => {
    const user = await registerUser(api);
    const other = await login(api, user.email, user.password);
    const { response } = await api.as(user.token).PUT('/auth/password', {
      body: { current_password: user.password, new_password: 'N3w#Password' },
    });
    expect(response.status).toBe(200);
    expect((await me(api, user.token)).response.status).toBe(200);
    expect((await me(api, other.access_token)).response.status).toBe(401);
    const logIn = (password: string) => api.POST('/auth/login', { body: { email: user.email, password } });
    expect((await logIn(user.password)).response.status).toBe(401);
    expect((await logIn('N3w#Password')).response.status).toBe(200);
  });

  test('returns 401 INVALID_CREDENTIALS for a wrong current password', async ({ api }) => {
    const user = await registerUser(api);
    const { error, response } = await api.as(user.token).PUT('/auth/password', {
      body: { current_password: 'Wrong#Pass1', new_password: 'N3w#Password' },
    });
    expect(response.status).toBe(401);
    expect(error?.code).toBe('INVALID_CREDENTIALS');
  });

  test('returns 422 for a new password that breaks the policy', async ({ api }) => {
    const user = await registerUser(api);
    const { response } = await api.as(user.token).PUT('/auth/password', {
      body: { current_password: user.password, new_password: 'weak' },
    });
    expect(response.status).toBe(422);
  });
});
