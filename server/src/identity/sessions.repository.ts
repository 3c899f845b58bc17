// Sessions are refresh-token families. Revoking a session ends its access
// tokens (checked on every request) and its refresh tokens at once.
import { type Kysely, sql } from 'kysely';
import { compiledOnce, param } from '../db/compiled-once.js';
import type { Database } from '../db/database.js';
import { toUser } from './users.repository.js';
import type { Principal } from './principal.js';

type Db = Kysely<Database>;

/**
 * Opens a session for a login whose password was checked against
 * `passwordHash`, or returns undefined when the account was deactivated or its
 * password changed meanwhile. The user's row is read FOR SHARE in the
 * session's own transaction, and deactivation (and a password change) writes
 * that row before ending the user's sessions: either that write commits first
 * and this sees it, or it waits for this session to commit and then ends it
 * too. So no login in flight outlives a deactivation (or a password change).
 */
export async function createSession(
  db: Db,
  login: { userId: number; passwordHash: string },
  refreshHash: string,
  refreshTtl: number,
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', login.userId)
      .where('is_active', '=', true)
      .where('password_hash', '=', login.passwordHash)
      .forShare()
      .executeTakeFirst();
    if (!account) return undefined;
    const { id } = await trx
      .insertInto('sessions')
      .values({ user_id: login.userId, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertRefreshToken(trx, id, refreshHash, refreshTtl);
    return id;
  });
}

export async function insertRefreshToken(db: Db, sessionId: number, hash: string, ttlSeconds: number): Promise<void> {
  await db
    .insertInto('refresh_tokens')
    .values({
      session_id: sessionId,
      token_hash: hash,
      expires_at: sql<Date>`now() + make_interval(secs => ${ttlSeconds})`,
      used_at: null,
    })
    .execute();
}

// Read on every authenticated request the principal cache misses: compiled once.
const livePrincipal = compiledOnce((db: Db) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('u')
    .where('s.id', '=', param<number>(1))
    .where('s.user_id', '=', param<number>(2))
    .where('s.revoked_at', 'is', null)
    .where('u.is_active', '=', sql.lit(true)),
);

/**
 * The live principal behind a session, with its account, or undefined when the
 * session is revoked or the user deactivated. One query: getCurrentUser
 * answers from it without a second one.
 */
export async function loadPrincipal(db: Db, sessionId: number, userId: number): Promise<Principal | undefined> {
  const [row] = await livePrincipal(db, [sessionId, userId]);
  return row ? { userId: row.id, role: row.role, sessionId, user: toUser(row) } : undefined;
}

export interface RefreshTokenState {
  id: number;
  sessionId: number;
  userId: number;
  role: Principal['role'];
  expired: boolean;
  used: boolean;
  live: boolean;
}

export async function findRefreshToken(db: Db, hash: string): Promise<RefreshTokenState | undefined> {
  const row = await db
    .selectFrom('refresh_tokens as t')
    .innerJoin('sessions as s', 's.id', 't.session_id')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      't.id',
      't.session_id',
      'u.id as user_id',
      'u.role',
      sql<boolean>`t.expires_at <= now()`.as('expired'),
      sql<boolean>`t.used_at is not null`.as('used'),
      sql<boolean>`s.revoked_at is null and u.is_active`.as('live'),
    ])
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      sessionId: row.session_id,
      userId: row.user_id,
      role: row.role,
      expired: row.expired,
      used: row.used,
      live: row.live,
    }
  );
}

/** Marks a refresh token used; false when another request already used it (a reuse). */
export async function claimRefreshToken(db: Db, id: number): Promise<boolean> {
  const claimed = await db
    .updateTable('refresh_tokens')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function revokeSession(db: Db, sessionId: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes the user's live sessions (but `exceptSessionId`); returns how many. */
export async function revokeUserSessions(db: Db, userId: number, exceptSessionId?: number): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
