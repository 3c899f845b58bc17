// Env shared by the process tests: one local Postgres database, one Redis
// database, one JWT secret and a first admin, so every process is an
// instance of the same deployment.
import type { LocalDatabase } from './postgres.js';
import { http } from './http.js';

export const ADMIN = { email: 'admin@reliability.test', password: 'Adm1n#Secret!' };

export function clusterEnv(db: LocalDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return { DATABASE_URL: db.url, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...extra };
}

export async function adminToken(baseUrl: string): Promise<string> {
  const res = await http(baseUrl, 'POST', '/api/v1/auth/login', { body: ADMIN });
  if (res.status !== 200) throw new Error(`admin login ${res.status} ${res.text}`);
  return res.body.access_token as string;
}
