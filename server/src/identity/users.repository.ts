// All SQL about users. Functions take the database (or a transaction) first.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NewUser, UserRow } from '../db/database.js';
import { uniqueViolation } from '../db/errors.js';
import { containsPattern } from '../db/like.js';
import { AppError } from '../errors.js';
import type { components } from '@storefront/contract/types';

type Db = Kysely<Database>;
export type User = components['schemas']['User'];

/** The one mapping from a row to the API shape: the password hash never leaves. */
export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    full_name: row.full_name,
    role: row.role,
    is_active: row.is_active,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function conflictFrom(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint === 'users_email_key') throw new AppError('EMAIL_EXISTS', 'Email already registered');
  if (constraint === 'users_username_key') throw new AppError('USERNAME_EXISTS', 'Username already taken');
  throw err;
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow().catch(conflictFrom);
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By email, or by username when `orEmail` also lets a username field carry an email. */
export async function findUserForLogin(
  db: Db,
  by: { email?: string | undefined; username?: string | undefined },
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      by.email !== undefined
        ? eb(sql`lower(email)`, '=', by.email.toLowerCase())
        : eb.or([
            eb(sql`lower(username)`, '=', (by.username ?? '').toLowerCase()),
            eb(sql`lower(email)`, '=', (by.username ?? '').toLowerCase()),
          ]),
    )
    .orderBy('id')
    .executeTakeFirst();
}

export async function updateUserFields(
  db: Db,
  id: number,
  patch: {
    username?: string;
    email?: string;
    full_name?: string | null;
    password_hash?: string;
    role?: UserRow['role'];
    is_active?: boolean;
  },
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
    .catch(conflictFrom);
}

/** More work for the transaction that changed a user, which still holds the user's row lock. */
export type InSameTransaction = (trx: Transaction<Database>) => Promise<unknown>;

/**
 * Makes an inactive user active, running `then` in the same transaction; an
 * active one is left as it is (its `updated_at` too).
 */
export async function activateUser(db: Db, id: number, then?: InSameTransaction): Promise<UserRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const activated = await trx
      .updateTable('users')
      .set({ is_active: true, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('is_active', '=', false)
      .returningAll()
      .executeTakeFirst();
    if (!activated) return findUserById(trx, id);
    await then?.(trx);
    return activated;
  });
}

export interface UserFilter {
  page: number;
  pageSize: number;
  isActive?: boolean | undefined;
  role?: UserRow['role'] | undefined;
  search?: string | undefined;
}

export async function listUsers(db: Db, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (f.isActive !== undefined) query = query.where('is_active', '=', f.isActive);
  if (f.role !== undefined) query = query.where('role', '=', f.role);
  if (f.search !== undefined) {
    const pattern = containsPattern(f.search);
    query = query.where((eb) =>
      eb.or([eb('username', 'ilike', pattern), eb('email', 'ilike', pattern), eb('full_name', 'ilike', pattern)]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * Runs `change` on a user inside a transaction that holds every active admin's
 * row lock, and refuses (409) if the change would leave no active admin.
 * Two admins demoting each other at once therefore cannot both succeed.
 * `then` runs in the same transaction after the change.
 */
export async function changeKeepingAnAdmin(
  db: Db,
  id: number,
  change: { role?: UserRow['role']; is_active?: boolean },
  then?: InSameTransaction,
): Promise<UserRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('is_active', '=', true)
      .forUpdate()
      .execute();
    const target = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!target) return undefined;
    const losesAdmin =
      target.role === 'admin' && target.is_active && (change.role === 'user' || change.is_active === false);
    if (losesAdmin && admins.length <= 1) {
      throw new AppError('CONFLICT', 'The last active admin cannot be demoted or deactivated');
    }
    const changed = await updateUserFields(trx, id, change);
    await then?.(trx);
    return changed;
  });
}

export async function activeAdminExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('is_active', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
