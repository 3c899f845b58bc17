// Per-account brute-force protection, kept in the database so every server
// instance sees the same count. An existing account has one budget whichever
// identifier is typed (email, username, any case); an unknown identifier has
// its own, so unknown accounts are throttled exactly like real ones.
//
// An attempt is reserved before bcrypt runs, and the reservation and the
// check are one statement: reading the count and writing it in two steps let
// 40 concurrent guesses all pass a check that allowed 10. Failures and
// attempts still in flight share the budget, so at most `maxFailures`
// guesses are ever checked per window. A failed attempt settles as a
// failure; a correct password clears the account's count.
//
// When the budget is held only by attempts still in flight (a burst of
// correct logins, say from many tabs), a new attempt waits a moment for them
// to settle rather than calling itself a failed login: correct ones free the
// budget, wrong ones turn into failures and the wait ends in 429.
import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

export interface LoginThrottle {
  /** Reserves one attempt for the account, or throws 429 when its budget for this window is used up. */
  reserve(account: LoginAccount): Promise<void>;
  /** A correct password: the account's budget is full again. */
  succeeded(account: LoginAccount): Promise<void>;
  /** A wrong password (or an inactive account): the reserved attempt becomes a failure. */
  failed(account: LoginAccount): Promise<void>;
}

/** The account a login names: its id when it exists, else the identifier typed. */
export type LoginAccount = { userId: number } | { identifier: string };

const keyOf = (account: LoginAccount) =>
  'userId' in account ? `user:${account.userId}` : `name:${account.identifier.toLowerCase()}`;

/**
 * How long an attempt waits for attempts in flight to settle (bcrypt takes
 * about 100-300 ms), and how often it looks: from 50 ms, doubling up to
 * 800 ms, so a flood of waiting attempts costs the database a few queries
 * each, not one every 50 ms.
 */
const IN_FLIGHT_WAIT_MS = 3_000;
const FIRST_POLL_MS = 50;
const MAX_POLL_MS = 800;

export function createLoginThrottle(db: Kysely<Database>, maxFailures: number, windowSeconds: number): LoginThrottle {
  const window = sql`make_interval(secs => ${windowSeconds})`;
  const current = sql`login_failures.window_start > now() - ${window}`;

  /** One statement: reserves an attempt when failures and attempts in flight leave room. */
  async function tryReserve(key: string): Promise<boolean> {
    // Row locks make the conditional update atomic: of N concurrent
    // statements at most `maxFailures` find room in the budget.
    const reserved = await db
      .insertInto('login_failures')
      .values({ account: key, window_start: sql`now()`, failures: 0, in_flight: 1 })
      .onConflict((oc) =>
        oc
          .column('account')
          .doUpdateSet({
            failures: sql`case when ${current} then login_failures.failures else 0 end`,
            in_flight: sql`case when ${current} then login_failures.in_flight + 1 else 1 end`,
            window_start: sql`case when ${current} then login_failures.window_start else now() end`,
          })
          .where(sql<boolean>`not (${current}) or login_failures.failures + login_failures.in_flight < ${maxFailures}`),
      )
      .returning('account')
      .executeTakeFirst();
    return reserved !== undefined;
  }

  async function budgetOf(key: string) {
    return db
      .selectFrom('login_failures')
      .select([
        'failures',
        sql<number>`ceil(extract(epoch from (window_start + ${window} - now())))::int`.as('retry_after'),
      ])
      .where('account', '=', key)
      .executeTakeFirst();
  }

  return {
    async reserve(account) {
      const key = keyOf(account);
      const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
      let poll = FIRST_POLL_MS;
      for (;;) {
        if (await tryReserve(key)) return;
        const budget = await budgetOf(key);
        if (budget === undefined) continue; // cleared by a correct login in between
        if (budget.failures >= maxFailures) {
          const retryAfter = String(Math.max(1, budget.retry_after));
          throw new AppError(
            'RATE_LIMITED',
            `Too many failed logins for this account, retry in ${retryAfter} seconds`,
            undefined,
            { 'retry-after': retryAfter },
          );
        }
        if (Date.now() >= deadline)
          throw new AppError(
            'RATE_LIMITED',
            'Too many login attempts for this account are in progress, retry in 1 second',
            undefined,
            { 'retry-after': '1' },
          );
        await sleep(Math.min(poll, Math.max(0, deadline - Date.now())));
        poll = Math.min(poll * 2, MAX_POLL_MS);
      }
    },
    async succeeded(account) {
      await db.deleteFrom('login_failures').where('account', '=', keyOf(account)).execute();
    },
    async failed(account) {
      await db
        .updateTable('login_failures')
        .set({ failures: sql`failures + 1`, in_flight: sql`greatest(in_flight - 1, 0)` })
        .where('account', '=', keyOf(account))
        .execute();
    },
  };
}
