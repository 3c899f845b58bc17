// Per-account brute-force protection, kept in the database so every server
// instance sees the same count. An existing account has one budget whichever
// identifier is typed (email, username, any case); an unknown identifier has
// its own, so unknown accounts are throttled exactly like real ones.
//
// An attempt is reserved before bcrypt runs, and the reservation and the
// check are one statement: reading the count and writing it in two steps let
// 40 concurrent guesses all pass a check that allowed 10. A successful login
// clears the count; a failed one keeps its reservation as the failure.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

export interface LoginThrottle {
  /** Reserves one attempt for the account, or throws 429 when its failures for this window are used up. */
  reserve(account: LoginAccount): Promise<void>;
  /** A correct password: the account's budget is full again. */
  reset(account: LoginAccount): Promise<void>;
}

/** The account a login names: its id when it exists, else the identifier typed. */
export type LoginAccount = { userId: number } | { identifier: string };

const keyOf = (account: LoginAccount) =>
  'userId' in account ? `user:${account.userId}` : `name:${account.identifier.toLowerCase()}`;

export function createLoginThrottle(db: Kysely<Database>, maxFailures: number, windowSeconds: number): LoginThrottle {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const current = sql`login_failures.window_start > now() - ${window}`;
  return {
    async reserve(account) {
      const key = keyOf(account);
      // Row locks make the conditional update atomic: of N concurrent
      // statements at most `maxFailures` find the count below the limit.
      const reserved = await db
        .insertInto('login_failures')
        .values({ account: key, window_start: sql`now()`, failures: 1 })
        .onConflict((oc) =>
          oc
            .column('account')
            .doUpdateSet({
              failures: sql`case when ${current} then login_failures.failures + 1 else 1 end`,
              window_start: sql`case when ${current} then login_failures.window_start else now() end`,
            })
            .where(sql<boolean>`not (${current}) or login_failures.failures < ${maxFailures}`),
        )
        .returning('failures')
        .executeTakeFirst();
      if (reserved) return;
      const row = await db
        .selectFrom('login_failures')
        .select(sql<number>`ceil(extract(epoch from (window_start + ${window} - now())))::int`.as('retry_after'))
        .where('account', '=', key)
        .executeTakeFirst();
      const retryAfter = String(Math.max(1, row?.retry_after ?? windowSeconds));
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed logins for this account, retry in ${retryAfter} seconds`,
        undefined,
        { 'retry-after': retryAfter },
      );
    },
    async reset(account) {
      await db.deleteFrom('login_failures').where('account', '=', keyOf(account)).execute();
    },
  };
}
