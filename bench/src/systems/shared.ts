// What the comparison systems share: the port and database from the
// environment, the product SQL and row mapping (the same as the server's),
// and a minimal HS256 check for the peer's bearer tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';
import pg from 'pg';

export const PORT = Number(process.env.PORT ?? 3100);
export const HOST = '127.0.0.1';

export function createPool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  pool.on('error', () => {});
  return pool;
}

export const PRODUCT_SQL = 'select * from products where id = $1 and deleted_at is null';

/** The page query and a plain count, as a hand-written list endpoint does them. */
export function listSql(q: { search?: string; category?: string; sort?: string; page?: number; page_size?: number }) {
  const where = ['deleted_at is null'];
  const values: unknown[] = [];
  if (q.search) {
    values.push(`%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(name ilike $${values.length} or description ilike $${values.length})`);
  }
  if (q.category) {
    values.push(q.category);
    where.push(`category = $${values.length}`);
  }
  const sort = q.sort ?? '-created_at';
  const column =
    ({ created_at: 'created_at', price: 'price', name: 'name' } as Record<string, string>)[sort.replace(/^-/, '')] ??
    'created_at';
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const pageSize = Number(q.page_size ?? 20);
  const offset = (Number(q.page ?? 1) - 1) * pageSize;
  const filter = where.join(' and ');
  return {
    page: {
      text: `select * from products where ${filter} order by ${column} ${direction}, id ${direction} limit ${pageSize} offset ${offset}`,
      values,
    },
    count: { text: `select count(*)::int as total from products where ${filter}`, values },
    pageSize,
    pageNumber: Number(q.page ?? 1),
  };
}

// The server's own row mappings: every system answers with the same JSON.
export { toProduct } from '@storefront/server/products/repository';
export { toUser } from '@storefront/server/identity/users';
export type { ProductRow } from '@storefront/server/db/database';

export const CURRENT_USER_SQL = `select u.* from sessions s join users u on u.id = s.user_id
  where s.id = $1 and s.user_id = $2 and s.revoked_at is null and u.is_active`;

/** HS256 signature, issuer, audience and expiry: what jsonwebtoken's verify checks. */
export function verifyHs256(token: string, secret: string): { sub: string; sid: number } | undefined {
  const [head, body, sig] = token.split('.');
  if (!head || !body || !sig) return undefined;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
    sub: string;
    sid: number;
    exp: number;
    iss: string;
    aud: string;
    typ: string;
  };
  if (header.alg !== 'HS256' || claims.typ !== 'access' || claims.exp * 1000 < Date.now()) return undefined;
  if (
    claims.iss !== (process.env.JWT_ISSUER ?? 'storefront') ||
    claims.aud !== (process.env.JWT_AUDIENCE ?? 'storefront-api')
  )
    return undefined;
  return claims;
}
