import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';

const test = appTest();

/** Small budgets, so each limit is reached within a test. */
const limitedTest = appTest({ RATE_LIMIT_ANON: '3', RATE_LIMIT_AUTH: '2', RATE_LIMIT_USER: '4' });

// Most requests here break the contract on purpose (unknown routes, oversized,
// malformed or mistyped bodies): they go through the client's untyped send.
describe('errors are problem+json', () => {
  test('answers an unknown route with a 404 problem', async ({ api }) => {
    const res = await api.send('GET', '/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      title: 'Not Found',
      request_id: res.headers.get('x-request-id'),
    });
  });

  test('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE', async ({ api }) => {
    const res = await api.send('POST', '/api/v1/auth/register', {
      payload: JSON.stringify({ username: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  test('answers an unsupported content type with 400, not 500', async ({ api }) => {
    const res = await api.send('POST', '/api/v1/auth/login', {
      payload: 'email=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('does not coerce JSON body types: a string for a boolean-or-number field is 422', async ({ api, user }) => {
    const res = await api.as(user.token).send('PUT', '/api/v1/auth/password', {
      body: { current_password: 123, new_password: 'Abcdef#1' },
    });
    expect(res.status).toBe(422);
    expect((res.body as { errors: unknown[] }).errors[0]).toEqual({
      path: '/body/current_password',
      message: 'must be string',
    });
  });

  test('never reveals internals in an error body', async ({ api }) => {
    const res = await api.send('POST', '/api/v1/auth/login', {
      payload: '{"email": "a", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT|syntax error at/i);
  });
});

describe('rate limits', () => {
  limitedTest('limits anonymous callers per IP and answers 429 with Retry-After and X-RateLimit-*', async ({ api }) => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await api.GET('/products'));
    expect(answers.slice(0, 3).every((a) => a.response.status !== 429)).toBe(true);
    const last = answers[3]!;
    expect(last.response.status).toBe(429);
    expect(last.error?.code).toBe('RATE_LIMITED');
    expect(Number(last.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.response.headers.get('x-ratelimit-limit')).toBe('3');
    expect(last.response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  limitedTest('gives login its own tighter per-IP budget', async ({ api }) => {
    const body = { email: 'nobody@example.com', password: 'Wrong#Pass1' };
    expect((await api.POST('/auth/login', { body })).response.status).toBe(401);
    expect((await api.POST('/auth/login', { body })).response.status).toBe(401);
    const third = await api.POST('/auth/login', { body });
    expect(third.response.status).toBe(429);
    expect(third.response.headers.get('x-ratelimit-limit')).toBe('2');
  });

  limitedTest('never limits /health', async ({ api }) => {
    for (let i = 0; i < 6; i++) expect((await api.GET('/health')).response.status).toBe(200);
  });
});
