// The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, created at start
// when no active admin exists (so a shop can never start locked out).
import type { Kysely } from 'kysely';
import type { PasswordHasher } from '../identity/passwords.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { activeAdminExists, insertUser } from '../identity/users.repository.js';

export async function ensureFirstAdmin(
  db: Kysely<Database>,
  config: Pick<Config, 'adminEmail' | 'adminPassword' | 'adminUsername'>,
  passwords: PasswordHasher,
): Promise<string | undefined> {
  if (!config.adminEmail || !config.adminPassword) return undefined;
  if (await activeAdminExists(db)) return undefined;
  try {
    await insertUser(db, {
      username: config.adminUsername,
      email: config.adminEmail,
      full_name: 'Administrator',
      role: 'admin',
      password_hash: await passwords.hash(config.adminPassword),
    });
  } catch (err) {
    // Several instances starting together (compose, a rolling deploy): one of
    // them created it. The repository reports the conflict as the API's 409 error.
    if (err instanceof AppError && (err.code === 'EMAIL_EXISTS' || err.code === 'USERNAME_EXISTS')) return undefined;
    throw err;
  }
  return config.adminEmail;
}
