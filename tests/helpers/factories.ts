// Small factories for test data, always through the API.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/database.js';
import type { TestClient } from './test-client.js';

export const PASSWORD = 'Sup3r#Secret';

export interface TestUser {
  id: number;
  username: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

let counter = 0;
export function uniqueName(prefix = 'user'): string {
  counter += 1;
  return `${prefix}_${counter}_${randomBytes(3).toString('hex')}`;
}

export async function registerUser(
  api: TestClient,
  overrides: Partial<{ username: string; email: string; password: string }> = {},
): Promise<TestUser> {
  const username = overrides.username ?? uniqueName();
  const email = overrides.email ?? `${username}@example.com`;
  const password = overrides.password ?? PASSWORD;
  const { data, error, response } = await api.POST('/auth/register', { body: { username, email, password } });
  if (!data) throw new Error(`register failed: ${response.status} ${JSON.stringify(error)}`);
  const tokens = await login(api, email, password);
  return { id: data.id, username, email, password, token: tokens.access_token, refreshToken: tokens.refresh_token };
}

export async function login(api: TestClient, email: string, password: string) {
  const { data, error, response } = await api.POST('/auth/login', { body: { email, password } });
  if (!data) throw new Error(`login failed: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** Registers a user and promotes it to admin directly in the database (the API needs an admin to make one). */
export async function createAdmin(api: TestClient, db: Kysely<Database>): Promise<TestUser> {
  const user = await registerUser(api, { username: uniqueName('admin') });
  await db.updateTable('users').set({ role: 'admin' }).where('id', '=', user.id).execute();
  return user;
}
