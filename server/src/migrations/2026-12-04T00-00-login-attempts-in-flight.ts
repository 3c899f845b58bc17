// Frozen: never edit a migration that has shipped; add a new one instead.
//
// Login attempts still being checked are counted apart from failures, so a
// burst of correct logins (a shared account, a client opening many tabs) is
// not mistaken for guessing, while the budget still caps how many guesses
// are checked at once (auth/login-throttle.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table login_failures add column in_flight integer not null default 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table login_failures drop column in_flight`.execute(db);
}
