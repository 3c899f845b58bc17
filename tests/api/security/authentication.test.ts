// OWASP API2: broken authentication. Token forgeries, revocation, and login
// brute force throttled per IP and per account.
import { createHmac, generateKeyPairSync, createSign } from 'node:crypto';
import { describe, expect } from 'vitest';
import { TEST_ENV } from '../../helpers/app.js';
import type { TestClient } from '../../helpers/test-client.js';
import { registerUser } from '../../helpers/factories.js';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest();

/** A small login budget and a short window, so the throttle is reached and outlived within a test. */
const throttledTest = appTest({ LOGIN_MAX_FAILURES: '10', RATE_LIMIT_AUTH: '10', RATE_LIMIT_WINDOW: '2' });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('token attacks', () => {
  async function claimsFor(api: TestClient) {
    const user = await registerUser(api);
    const payload = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString());
    return { user, payload };
  }

  test('refuses an RS256 token, and HS/RS confusion with a public key as HMAC secret', async ({ api }) => {
    const { payload } = await claimsFor(api);
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const head = b64({ alg: 'RS256', typ: 'JWT' });
    const body = b64(payload);
    const rsSig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const confused = createHmac('sha256', pem)
      .update(`${b64({ alg: 'HS256', typ: 'JWT' })}.${body}`)
      .digest('base64url');
    for (const token of [`${head}.${body}.${rsSig}`, `${b64({ alg: 'HS256', typ: 'JWT' })}.${body}.${confused}`]) {
      const { error, response } = await api.as(token).GET('/auth/me');
      expect(response.status).toBe(401);
      expect(error?.code).toBe('AUTHENTICATION_ERROR');
    }
  });

  test('refuses a correctly signed token missing required claims or of another type', async ({ api }) => {
    const { payload } = await claimsFor(api);
    const sign = (claims: Record<string, unknown>) => {
      const head = b64({ alg: 'HS256', typ: 'JWT' });
      const body = b64(claims);
      return `${head}.${body}.${createHmac('sha256', TEST_ENV.JWT_SECRET!).update(`${head}.${body}`).digest('base64url')}`;
    };
    const { exp: _exp, ...noExp } = payload;
    for (const claims of [
      noExp,
      { ...payload, typ: 'refresh' },
      { ...payload, sub: 'admin' },
      { ...payload, iat: undefined },
    ]) {
      expect((await api.as(sign(claims)).GET('/auth/me')).response.status).toBe(401);
    }
    // The same claims, correctly signed, are accepted: the refusals above are about the claims.
    expect((await api.as(sign({ ...payload, exp: now() + 60 })).GET('/auth/me')).response.status).toBe(200);
  });

  test('ignores a role claim: authorization comes from the account, not the token', async ({ api }) => {
    const { payload } = await claimsFor(api);
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64({ ...payload, role: 'admin' });
    const token = `${head}.${body}.${createHmac('sha256', TEST_ENV.JWT_SECRET!).update(`${head}.${body}`).digest('base64url')}`;
    expect((await api.as(token).GET('/users')).response.status).toBe(403);
  });
});

describe('login brute force', () => {
  throttledTest(
    'answers the 11th wrong password on one account with 429 even across IPs, then lets a valid login in after the window',
    async ({ api }) => {
      const user = await registerUser(api, {});
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await api
          .from(`10.0.0.${i + 1}`)
          .POST('/auth/login', { body: { email: user.email, password: 'Wrong#Pass1' } });
        statuses.push(res.response.status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      // Even the right password is refused while the account is throttled.
      const blocked = await api
        .from('10.0.1.1')
        .POST('/auth/login', { body: { email: user.email, password: user.password } });
      expect(blocked.response.status).toBe(429);
      expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 2_100));
      const after = await api
        .from('10.0.1.2')
        .POST('/auth/login', { body: { email: user.email, password: user.password } });
      expect(after.response.status).toBe(200);
    },
  );

  throttledTest(
    'answers the 11th login from one IP with 429 (per-IP budget), whatever the accounts',
    async ({ api }) => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await api
          .from('10.9.9.9')
          .POST('/auth/login', { body: { email: `nobody${i}@example.com`, password: 'Wrong#Pass1' } });
        statuses.push(res.response.status);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses[10]).toBe(429);
    },
  );
});
