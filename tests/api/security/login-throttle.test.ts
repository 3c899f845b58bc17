// The per-account login throttle under concurrency: reserving an attempt and
// checking the budget is one database statement, so 40 guesses fired at once
// get exactly LOGIN_MAX_FAILURES answers from bcrypt and 429 for the rest,
// whichever identifier of the account they use. (Runs on PGlite, or on
// Postgres when DATABASE_URL is set; tests/services runs it across instances.)
import { describe, expect } from 'vitest';
import { appTest } from '../../helpers/fixtures.js';
import { registerUser, uniqueName } from '../../helpers/factories.js';
import { count, guessConcurrently } from '../../helpers/login-guesses.js';

const test = appTest({ LOGIN_MAX_FAILURES: '10', RATE_LIMIT_WINDOW: '60' });

describe('login throttle under concurrent guessing', () => {
  test('lets at most LOGIN_MAX_FAILURES of 40 concurrent guesses reach bcrypt, across email and username', async ({
    api,
  }) => {
    const user = await registerUser(api);
    const { statuses, bcryptCalls } = await guessConcurrently([api], user, 40);
    expect(bcryptCalls).toBeLessThanOrEqual(10);
    expect(count(statuses, 401)).toBe(10);
    expect(count(statuses, 429)).toBe(30);
    // The right password is refused too while the account's budget is spent.
    const right = await api.POST('/auth/login', { body: { username: user.username, password: user.password } });
    expect(right.response.status).toBe(429);
    expect(Number(right.response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('throttles an unknown account exactly like a real one, so the answer reveals nothing', async ({ api }) => {
    const ghost = { email: `${uniqueName('ghost')}@example.com` };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await api
        .from(`10.78.0.${i + 1}`)
        .POST('/auth/login', { body: { email: ghost.email, password: 'Wrong#Pass1' } });
      statuses.push(res.response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });

  test('does not count correct logins in flight as failures: 25 at once all succeed', async ({ api }) => {
    const user = await registerUser(api);
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        api.from(`10.79.0.${i + 1}`).POST('/auth/login', { body: { email: user.email, password: user.password } }),
      ),
    );
    expect(responses.map((r) => r.response.status)).toEqual(Array(25).fill(200));
    // And the account's budget is whole afterwards: ten wrong guesses are still 401.
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await api
        .from(`10.79.1.${i + 1}`)
        .POST('/auth/login', { body: { email: user.email, password: 'Wrong#Pass1' } });
      statuses.push(res.response.status);
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });
});
