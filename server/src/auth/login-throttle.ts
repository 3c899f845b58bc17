// Per-account brute-force protection, kept in the database so every server
// instance sees the same count. Keyed by the identifier typed (not the user
// id), so unknown accounts are throttled exactly like real ones.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

export interface LoginThrottle {
  /** Throws 429 when the account has used up its failures for this window. */
  check(account: string): Promise<void>;
  recordFailure(account: string): Promise<void>;
  reset(account: string): Promise<void>;
}

export function createLoginThrottle(db: Kysely<Database>, maxFailures: number, windowSeconds: number): LoginThrottle {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  return {
    async check(account) {
      const row = await db
        .selectFrom('login_failures')
        .select(['failures', sql<number>`ceil(extract(epoch from (window_start + ${window} - now())))::int`.as('retry_after')])
        .where('account', '=', account.toLowerCase())
        .where(sql<boolean>`window_start > now() - ${window}`)
        .executeTakeFirst();
      if (row && row.failures >= maxFailures) {
        const retryAfter = String(Math.max(1, row.retry_after));
        throw new AppError('RATE_LIMITED', `Too many failed logins for this account, retry in ${retryAfter} seconds`, undefined, {
          'retry-after': retryAfter,
        });
      }
    },
    async recordFailure(account) {
      await db
        .insertInto('login_failures')
        .values({ account: account.toLowerCase(), window_start: sql`now()`, failures: 1 })
        .onConflict((oc) =>
          oc.column('account').doUpdateSet({
            failures: sql`case when login_failures.window_start > now() - ${window} then login_failures.failures + 1 else 1 end`,
            window_start: sql`case when login_failures.window_start > now() - ${window} then login_failures.window_start else now() end`,
          }),
        )
        .execute();
    },
    async reset(account) {
      await db.deleteFrom('login_failures').where('account', '=', account.toLowerCase()).execute();
    },
  };
}
