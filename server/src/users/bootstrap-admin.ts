// The first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, created at start
// when no active admin exists (so a shop can never start locked out).
import type { Kysely } from 'kysely';
import type { PasswordHasher } from '../auth/passwords.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { activeAdminExists, insertUser } from './users.repository.js';

export async function ensureFirstAdmin(db: Kysely<Database>, config: Config, passwords: PasswordHasher): Promise<string | undefined> {
  if (!config.adminEmail || !config.adminPassword) return undefined;
  if (await activeAdminExists(db)) return undefined;
  await insertUser(db, {
    username: config.adminUsername,
    email: config.adminEmail,
    full_name: 'Administrator',
    role: 'admin',
    password_hash: await passwords.hash(config.adminPassword),
  });
  return config.adminEmail;
}
