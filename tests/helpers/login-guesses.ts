// Concurrent wrong-password guesses at one account, for the login throttle's
// tests on PGlite, on Postgres and across instances. Counts how many guesses
// reached bcrypt (the throttle exists to bound exactly that).
import { createRequire } from 'node:module';
import { vi } from 'vitest';
import type { TestClient } from './test-client.js';
import type { TestUser } from './factories.js';

// The server's own bcrypt (a server dependency): the object its handlers call.
const bcrypt = createRequire(new URL('../../server/package.json', import.meta.url))('bcrypt') as {
  compare: (data: string, hash: string) => Promise<boolean>;
};

export async function guessConcurrently(
  apis: TestClient[],
  user: TestUser,
  guesses: number,
): Promise<{ statuses: number[]; bcryptCalls: number }> {
  const compare = vi.spyOn(bcrypt, 'compare');
  try {
    const responses = await Promise.all(
      Array.from({ length: guesses }, (_, i) =>
        apis[i % apis.length]!.from(`10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`).POST('/auth/login', {
          // Every identifier of the account: email, username, and the email in any case.
          body:
            i % 3 === 0
              ? { email: user.email, password: `Wrong#Pass${i}` }
              : i % 3 === 1
                ? { username: user.username, password: `Wrong#Pass${i}` }
                : { email: user.email.toUpperCase(), password: `Wrong#Pass${i}` },
        }),
      ),
    );
    return { statuses: responses.map((r) => r.response.status), bcryptCalls: compare.mock.calls.length };
  } finally {
    compare.mockRestore();
  }
}

export const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;
