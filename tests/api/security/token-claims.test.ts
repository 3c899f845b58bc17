// Tokens signed with the server's own key but carrying claims it never
// issues: a future or non-numeric `iat`, ids outside the database's range.
// Each is an invalid token (401), never a 400 or a 500.
import { createHmac } from 'node:crypto';
import { describe, expect } from 'vitest';
import { TEST_ENV } from '../../helpers/app.js';
import { appTest } from '../../helpers/fixtures.js';

const test = appTest();

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function sign(claims: Record<string, unknown>): string {
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64(claims);
  return `${head}.${body}.${createHmac('sha256', TEST_ENV.JWT_SECRET!).update(`${head}.${body}`).digest('base64url')}`;
}

describe('access token claims', () => {
  let payload: Record<string, unknown>;
  test.beforeAll(({ user }) => {
    payload = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString());
  });

  test.for([
    ['iat two hours in the future', { iat: now() + 7200 }],
    ['iat as text', { iat: 'yesterday' }],
    ['sub beyond the id range', { sub: '100000000000000000000' }],
    ['sub of 2^31', { sub: '2147483648' }],
    ['sid with a fraction', { sid: 1.5 }],
    ['sid beyond the id range', { sid: 1e20 }],
    ['sid of zero', { sid: 0 }],
  ] as const)('refuses a token with %s as 401 invalid_token', async ([_name, change], { api }) => {
    const { error, response } = await api.as(sign({ ...payload, ...change })).GET('/auth/me');
    expect(response.status).toBe(401);
    expect(error?.code).toBe('AUTHENTICATION_ERROR');
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
  });

  test('accepts the same claims with an iat a few seconds ahead (clock skew)', async ({ api }) => {
    const { response } = await api.as(sign({ ...payload, iat: now() + 5 })).GET('/auth/me');
    expect(response.status).toBe(200);
  });
});
