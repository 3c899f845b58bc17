// bcrypt reads only the first 72 bytes of a password. A limit in characters
// let 41 multibyte characters (78 bytes) register, after which any password
// sharing the first 72 bytes logged in. Passwords are limited to 72 bytes of
// UTF-8 wherever one is set or checked, with a 422 that names the limit.
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { registerUser, uniqueName } from '../../helpers/factories.js';

const test = appTest();

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
// 41 characters, 78 bytes: under the 72-character limit, over bcrypt's 72 bytes.
const LONG = `Aa1#${'é'.repeat(37)}`;
// Differs from LONG only after byte 72.
const SAME_PREFIX = `Aa1#${'é'.repeat(34)}xyzzyx`;

describe('passwords longer than 72 bytes', () => {
  test('are refused at registration with 422 naming the byte limit', async ({ api }) => {
    expect([LONG.length, bytes(LONG)]).toEqual([41, 78]);
    const username = uniqueName();
    const { error, response } = await api.POST('/auth/register', {
      body: { username, email: `${username}@example.com`, password: LONG },
    });
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([{ path: '/body/password', message: expect.stringContaining('72 bytes') }]);
  });

  test('are refused as a new password and when an admin creates a user', async ({ admin, api, user }) => {
    const change = await api.as(user.token).PUT('/auth/password', {
      body: { current_password: user.password, new_password: LONG },
    });
    expect(change.response.status).toBe(422);
    expect(change.error?.errors?.[0]?.path).toBe('/body/new_password');
    const username = uniqueName();
    const created = await api.as(admin.token).POST('/users', {
      body: { username, email: `${username}@example.com`, password: LONG },
    });
    expect(created.response.status).toBe(422);
  });

  test('never log in as an account whose password is a 72-byte prefix of them', async ({ api }) => {
    // Exactly 72 bytes: allowed, and the whole password counts.
    const password = `Aa1#${'é'.repeat(34)}`;
    expect(bytes(password)).toBe(72);
    const user = await registerUser(api, { password });
    expect(bytes(SAME_PREFIX)).toBeGreaterThan(72);
    expect(SAME_PREFIX.startsWith(password)).toBe(true);
    const res = await api.POST('/auth/login', { body: { email: user.email, password: SAME_PREFIX } });
    expect(res.response.status).toBe(422);
    // Only the password is wrong: nothing about the other way of logging in (username).
    expect(res.error?.errors).toEqual([{ path: '/body/password', message: expect.stringContaining('72 bytes') }]);
    const ok = await api.POST('/auth/login', { body: { email: user.email, password } });
    expect(ok.response.status).toBe(200);
  });
});
