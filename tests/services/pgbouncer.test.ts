// Behind PgBouncer in transaction pooling mode (its default settings): two
// API instances and a worker whose DATABASE_URL is the pooler and whose
// DATABASE_DIRECT_URL is Postgres itself. They start (no startup parameter
// the pooler refuses), keep their statement timeout inside transactions, wake
// a long poll on the status change and refuse a logged-out token on every
// instance at once (both ride on LISTEN, which needs the direct session).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../server/src/db/connect.js';
import { services } from '../helpers/services.js';
import { adminToken, clusterEnv } from './helpers/cluster.js';
import { ADDRESS, http, registerAndLogin } from './helpers/http.js';
import { createProducts } from './helpers/orders.js';
import { type PgBouncer, startPgBouncer } from './helpers/pgbouncer.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { type Spawned, startServer, startWorker } from './helpers/processes.js';

const configured = services('postgres');

let db: LocalDatabase;
let pgbouncer: PgBouncer;
let a: Spawned;
let b: Spawned;
let env: Record<string, string>;

beforeAll(async () => {
  if (!configured) return;
  db = await createLocalDatabase('sf_pgb');
  pgbouncer = await startPgBouncer(configured.postgres);
  env = clusterEnv(db, {
    DATABASE_URL: pgbouncer.urlFor(db.url),
    DATABASE_DIRECT_URL: db.url,
    RUN_WORKER: 'false',
    DB_STATEMENT_TIMEOUT_MS: '1500',
  });
  [a, b] = await Promise.all([startServer(env), startServer(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map((p) => p.stop('SIGTERM')));
  await pgbouncer?.stop();
  await db?.drop();
}, 60_000);

describe.skipIf(!configured)('behind PgBouncer in transaction mode', () => {
  it('keeps the statement timeout inside transactions, with no session state on the pooler', async () => {
    const handle = await connectDatabase({
      databaseUrl: pgbouncer.urlFor(db.url),
      databaseDirectUrl: db.url,
      dataDir: 'unused',
      dbStatementTimeoutMs: 1500,
      dbPoolSize: 2,
    });
    try {
      const inside = await handle.db
        .transaction()
        .execute(
          async (trx) =>
            (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(trx)).rows[0]?.t,
        );
      expect(inside).toBe('1500ms');
      const slow = handle.db.transaction().execute((trx) => sql`select pg_sleep(3)`.execute(trx));
      await expect(slow).rejects.toMatchObject({ code: '57014' }); // query_canceled by statement_timeout
      // The pooler's server connections carry no timeout of ours between transactions.
      const outside = (await sql<{ t: string }>`select current_setting('statement_timeout') as t`.execute(handle.db))
        .rows[0]?.t;
      expect(outside).toBe('0');
    } finally {
      await handle.close();
    }
  });

  it('wakes a long poll on the status change', async () => {
    const admin = await adminToken(a.baseUrl);
    const [productId] = [...(await createProducts(a.baseUrl, admin, 1, 50, 'pgb')).keys()];
    const buyer = await registerAndLogin(a.baseUrl, `pgb_wait_${Date.now()}`);
    const placed = await http(a.baseUrl, 'POST', '/api/v1/orders', {
      token: buyer.token,
      body: { items: [{ product_id: productId, quantity: 1 }], shipping_address: ADDRESS },
    });
    expect(placed.status).toBe(201);
    // No worker runs yet: the order stays pending until one starts.
    const waiting = http(b.baseUrl, 'GET', `/api/v1/orders/${placed.body.id}`, {
      token: buyer.token,
      headers: { prefer: 'wait=30' },
      timeoutMs: 40_000,
    });
    const worker = await startWorker(env);
    try {
      const answered = await waiting;
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('completed');
      // Woken by the notification, not by the end of the 30 s wait.
      expect(answered.ms).toBeLessThan(25_000);
    } finally {
      await worker.stop('SIGTERM');
    }
  }, 60_000);

  it('refuses a token on every instance as soon as it is logged out on one', async () => {
    const user = await registerAndLogin(a.baseUrl, `pgb_out_${Date.now()}`);
    // Cached as valid on both instances first.
    expect((await http(a.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token })).status).toBe(200);
    expect((await http(b.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token })).status).toBe(200);
    expect((await http(a.baseUrl, 'POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(200);
    expect((await http(b.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token })).status).toBe(401);
    expect((await http(a.baseUrl, 'GET', '/api/v1/auth/me', { token: user.token })).status).toBe(401);
  });

  it('holds one direct session per instance for all its LISTENs, and nothing else outside the pooler', async () => {
    const direct = await db.query<{ application_name: string; n: number }>(
      `select application_name, count(*)::int as n from pg_stat_activity
        where datname = $1 and application_name like 'storefront-%' group by 1`,
      [db.name],
    );
    // Two instances: principal changes and order statuses share each one's session.
    expect(direct).toEqual([{ application_name: 'storefront-listen', n: 2 }]);
  });
});
