// OWASP API2: broken authentication. Token forgeries, revocation, and login
// brute force throttled per IP and per account.
import { createHmac, generateKeyPairSync, createSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENV, type TestApp } from '../../helpers/app.js';
import { registerUser } from '../../helpers/factories.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('token attacks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  async function claimsFor() {
    const user = await registerUser(t.api);
    const payload = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString());
    return { user, payload };
  }

  it('refuses an RS256 token, and HS/RS confusion with a public key as HMAC secret', async () => {
    const { payload } = await claimsFor();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const head = b64({ alg: 'RS256', typ: 'JWT' });
    const body = b64(payload);
    const rsSig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const confused = createHmac('sha256', pem)
      .update(`${b64({ alg: 'HS256', typ: 'JWT' })}.${body}`)
      .digest('base64url');
    for (const token of [`${head}.${body}.${rsSig}`, `${b64({ alg: 'HS256', typ: 'JWT' })}.${body}.${confused}`]) {
      const res = await t.api.get('/api/v1/auth/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTHENTICATION_ERROR');
    }
  });

  it('refuses a correctly signed token missing required claims or of another type', async () => {
    const { payload } = await claimsFor();
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
      expect((await t.api.get('/api/v1/auth/me', { token: sign(claims) })).status).toBe(401);
    }
    // The same claims, correctly signed, are accepted: the refusals above are about the claims.
    expect((await t.api.get('/api/v1/auth/me', { token: sign({ ...payload, exp: now() + 60 }) })).status).toBe(200);
  });

  it('ignores a role claim: authorization comes from the account, not the token', async () => {
    const { payload } = await claimsFor();
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64({ ...payload, role: 'admin' });
    const token = `${head}.${body}.${createHmac('sha256', TEST_ENV.JWT_SECRET!).update(`${head}.${body}`).digest('base64url')}`;
    expect((await t.api.get('/api/v1/users', { token })).status).toBe(403);
  });
});

describe('login brute force', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ LOGIN_MAX_FAILURES: '10', RATE_LIMIT_AUTH: '10', RATE_LIMIT_WINDOW: '2' });
  });
  afterAll(() => t.close());

  it('answers the 11th wrong password on one account with 429 even across IPs, then lets a valid login in after the window', async () => {
    const user = await registerUser(t.api, {});
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.api.post('/api/v1/auth/login', {
        body: { email: user.email, password: 'Wrong#Pass1' },
        remoteAddress: `10.0.0.${i + 1}`,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    // Even the right password is refused while the account is throttled.
    const blocked = await t.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
      remoteAddress: '10.0.1.1',
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 2_100));
    const after = await t.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: user.password },
      remoteAddress: '10.0.1.2',
    });
    expect(after.status).toBe(200);
  });

  it('answers the 11th login from one IP with 429 (per-IP budget), whatever the accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.api.post('/api/v1/auth/login', {
        body: { email: `nobody${i}@example.com`, password: 'Wrong#Pass1' },
        remoteAddress: '10.9.9.9',
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses[10]).toBe(429);
  });
});
