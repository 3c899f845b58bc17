// The first admin from ADMIN_EMAIL / ADMIN_PASSWORD when several instances
// start together on one empty database (compose brings three up at once):
// one creates it, the others see it was created and start anyway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createPasswordHasher } from '../../server/src/identity/passwords.js';
import { ensureFirstAdmin } from '../../server/src/users/bootstrap-admin.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

describe('the first admin', () => {
  it('is created once when three instances start together, and none of them fails', async () => {
    const config = { adminEmail: 'first@admin.test', adminPassword: 'Adm1n#Secret!', adminUsername: 'firstadmin' };
    const passwords = createPasswordHasher(4);
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => ensureFirstAdmin(database.handle.db, config, passwords)),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value === config.adminEmail);
    expect(created).toHaveLength(1);
    const admins = await sql<{
      n: number;
    }>`select count(*)::int as n from users where email = ${config.adminEmail} and role = 'admin'`.execute(
      database.handle.db,
    );
    expect(admins.rows[0]?.n).toBe(1);
  });
});
