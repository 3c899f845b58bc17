// The operator CLI (`storefront <command>`), run in process on the test
// database next to a running app, so each command's effect is checked
// through the API. Exit codes: 0 done, 1 failed, 2 called wrongly.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { TEST_ENV } from '../helpers/app.js';
import { createProduct } from '../helpers/catalogue.js';
import { cliRunner } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAdmin, login, registerUser, uniqueName } from '../helpers/factories.js';
import { appTest } from '../helpers/fixtures.js';
import { placeOrder, QUEUE_ENV, waitForOrder } from '../helpers/orders.js';

/** The CLI against the app's database, as `pnpm storefront` runs it. */
const test = appTest(QUEUE_ENV).extend('cli', { scope: 'file' }, ({ config, handle }) => cliRunner(config, handle));
/** No worker: the orders stay pending and their jobs queued. */
const idleTest = appTest({ RUN_WORKER: 'false' });

describe('storefront (usage)', () => {
  test('prints every command with no arguments (exit 2) and with --help (exit 0)', async ({ cli }) => {
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    for (const name of [
      'migrate status',
      'migrate make',
      'admin create',
      'user role',
      'sessions revoke',
      'orders requeue',
      'orders stats',
    ])
      expect(bare.out).toContain(name);
    expect((await cli(['--help'])).code).toBe(0);
  });

  test('refuses an unknown command, an unknown option and a missing argument with exit 2 and the usage', async ({
    cli,
  }) => {
    expect(await cli(['orders', 'purge'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command: orders purge'),
    });
    expect(await cli(['orders', 'stats', '--verbose'])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--verbose'"),
    });
    expect(await cli(['user', 'role', 'someone@example.com'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: storefront user role USER admin|user'),
    });
  });
});

describe('storefront migrate', () => {
  let db: TestDatabase;
  let migrate: ReturnType<typeof cliRunner>;
  test.beforeAll(async ({ config }) => {
    db = await createTestDatabase();
    migrate = cliRunner(config, db.handle);
  });
  afterAll(async () => db?.drop());

  test('status lists every migration as applied on a migrated database', async () => {
    const res = await migrate(['migrate', 'status']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^applied \S+Z +2026-11-22T00-00-users-and-sessions$/m);
    expect(res.out).not.toMatch(/^pending/m);
    expect(res.out).toMatch(/Up to date\.$/);
  });

  test('down reverts the latest migration, status shows it pending, other commands refuse, up applies it again', async () => {
    const before = await migrate(['migrate', 'status']);
    const latest = before.out.split('\n').at(-2)!.split(/\s+/).at(-1)!;
    const down = await migrate(['migrate', 'down']);
    expect(down).toMatchObject({ code: 0, out: `Reverted ${latest}.` });
    expect((await migrate(['migrate', 'status'])).out).toMatch(new RegExp(`^pending +${latest}$`, 'm'));
    expect(await migrate(['orders', 'stats'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('1 pending migration(s): run `storefront migrate up` first'),
    });
    const up = await migrate(['migrate', 'up']);
    expect(up.code).toBe(0);
    expect(up.out).toContain(`Applying 1 migration...\n  applied ${latest}`);
    expect((await migrate(['migrate', 'up'])).out).toBe('Up to date: nothing to apply.');
  });

  test('make writes an empty dated migration and registers it in the index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storefront-migrations-'));
    try {
      const source = new URL('../../server/src/migrations/index.ts', import.meta.url);
      await writeFile(join(dir, 'index.ts'), await readFile(source, 'utf8'));
      const res = await migrate(['migrate', 'make', 'add-coupons', '--dir', dir]);
      expect(res.code).toBe(0);
      const file = res.out.replace('Created ', '');
      const id = file.slice(dir.length + 1, -'.ts'.length);
      expect(id).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-add-coupons$/);
      expect(await readFile(file, 'utf8')).toContain('export async function down(db: Kysely<unknown>)');
      const index = await readFile(join(dir, 'index.ts'), 'utf8');
      expect(index).toContain(`import * as addCoupons from './${id}.js';`);
      expect(index).toMatch(new RegExp(`'${id}': addCoupons,\\n};\\n$`));
      expect(await migrate(['migrate', 'make', 'Add Coupons', '--dir', dir])).toMatchObject({
        code: 1,
        err: expect.stringContaining('must be lower-case words joined by hyphens'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('storefront admin create', () => {
  test('creates an admin with a generated password, shown once, that logs in as admin', async ({ api, cli }) => {
    const username = uniqueName('ops');
    const res = await cli(['admin', 'create', '--email', `${username}@example.com`, '--username', username]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(new RegExp(`^Created admin ${username} <${username}@example.com> \\(id \\d+\\)\\.$`, 'm'));
    const password = /^Password \(shown once\): (\S+)$/m.exec(res.out)?.[1];
    const tokens = await login(api, `${username}@example.com`, password!);
    const { data: me } = await api.as(tokens.access_token).GET('/auth/me');
    expect(me).toMatchObject({ username, role: 'admin' });
  });

  test('takes the password from standard input, and never prints it', async ({ api, cli }) => {
    const username = uniqueName('ops');
    const res = await cli(
      ['admin', 'create', '--email', `${username}@example.com`, '--username', username, '--password-stdin'],
      'Piped#Secret9\n',
    );
    expect(res.code).toBe(0);
    expect(res.out).not.toContain('Piped#Secret9');
    await login(api, `${username}@example.com`, 'Piped#Secret9');
  });

  test("applies the contract's rules and refuses a taken email (exit 1), and needs --email and --username (exit 2)", async ({
    api,
    cli,
  }) => {
    const weak = await cli(
      ['admin', 'create', '--email', 'weak@example.com', '--username', 'weak_admin', '--password-stdin'],
      'password',
    );
    expect(weak).toMatchObject({ code: 1, err: expect.stringContaining('password must contain an upper-case letter') });
    const taken = await registerUser(api);
    expect(await cli(['admin', 'create', '--email', taken.email, '--username', uniqueName('ops')])).toMatchObject({
      code: 1,
      err: 'Error: Email already registered',
    });
    expect((await cli(['admin', 'create', '--email', 'x@example.com'])).code).toBe(2);
  });

  test("applies the contract's rules to every field, the full name too (exit 1, nothing created)", async ({
    cli,
    db,
  }) => {
    const username = uniqueName('ops');
    const long = await cli([
      'admin',
      'create',
      '--email',
      `${username}@example.com`,
      '--username',
      username,
      '--full-name',
      'x'.repeat(300),
    ]);
    expect(long).toMatchObject({ code: 1, err: 'Error: --full-name must NOT have more than 100 characters' });
    const bad = await cli(['admin', 'create', '--email', 'not-an-email', '--username', 'a b']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--email must match format "email"');
    expect(bad.err).toContain('--username');
    const created = await db.selectFrom('users').select('id').where('username', 'in', [username, 'a b']).execute();
    expect(created).toEqual([]);
  });
});

describe('storefront user role', () => {
  test('promotes a user by email, effective on their next request with the same token, and demotes them by id', async ({
    api,
    cli,
  }) => {
    const user = await registerUser(api);
    const listUsers = async () => (await api.as(user.token).GET('/users')).response.status;
    expect(await listUsers()).toBe(403);
    const promote = await cli(['user', 'role', user.email, 'admin']);
    expect(promote).toMatchObject({ code: 0, out: expect.stringContaining('user -> admin') });
    expect(await listUsers()).toBe(200);
    expect((await cli(['user', 'role', String(user.id), 'user'])).code).toBe(0);
    expect(await listUsers()).toBe(403);
  });

  test('refuses an unknown user or role, and never demotes the last active admin', async ({ cli }) => {
    expect(await cli(['user', 'role', 'nobody@example.com', 'admin'])).toMatchObject({
      code: 1,
      err: 'Error: No user with email nobody@example.com',
    });
    expect(await cli(['user', 'role', '1', 'root'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('Invalid role "root": role must be equal to one of the allowed values'),
    });
    const db = await createTestDatabase();
    try {
      const only = cliRunner(loadConfig(TEST_ENV), db.handle);
      const created = await only(['admin', 'create', '--email', 'only@example.com', '--username', 'only_admin']);
      expect(created.code).toBe(0);
      expect(await only(['user', 'role', 'only@example.com', 'user'])).toMatchObject({
        code: 1,
        err: 'Error: The last active admin cannot be demoted or deactivated',
      });
    } finally {
      await db.drop();
    }
  });
});

describe('ids and emails no user or order can have', () => {
  test('are "no such user" (exit 1), never a database error: out of the integer range, zero', async ({ cli }) => {
    for (const id of ['99999999999999999999', '2147483648', '0']) {
      expect(await cli(['user', 'role', id, 'admin'])).toEqual({
        code: 1,
        out: '',
        err: `Error: No user with id ${id}`,
      });
      expect(await cli(['sessions', 'revoke', '--user', id])).toEqual({
        code: 1,
        out: '',
        err: `Error: No user with id ${id}`,
      });
    }
    const email = `${'x'.repeat(300)}@example.com`;
    expect(await cli(['sessions', 'revoke', '--user', email])).toMatchObject({
      code: 1,
      err: `Error: No user with email ${email}`,
    });
  });

  test('are "no such order" (exit 1), never a database error', async ({ cli }) => {
    for (const id of ['9999999999', '99999999999999999999', '0', 'abc']) {
      expect(await cli(['orders', 'requeue', '--failed', '--id', id])).toMatchObject({
        code: 1,
        err: `Error: order ${id} does not exist`,
      });
    }
  });
});

describe('storefront sessions revoke --user', () => {
  test('ends every session of the user: their access and refresh tokens stop working', async ({ api, cli }) => {
    const user = await registerUser(api);
    const second = await login(api, user.email, user.password);
    const res = await cli(['sessions', 'revoke', '--user', user.email]);
    expect(res).toMatchObject({
      code: 0,
      out: `Revoked 2 sessions of ${user.username} <${user.email}> (id ${user.id}).`,
    });
    expect((await api.as(user.token).GET('/auth/me')).response.status).toBe(401);
    expect((await api.as(second.access_token).GET('/auth/me')).response.status).toBe(401);
    const refreshed = await api.POST('/auth/refresh', { body: { refresh_token: second.refresh_token } });
    expect(refreshed.response.status).toBe(401);
    expect((await cli(['sessions', 'revoke', '--user', user.email])).out).toMatch(/^Revoked 0 sessions/);
    expect((await cli(['sessions', 'revoke'])).code).toBe(2);
  });
});

describe('storefront orders requeue --failed', () => {
  test('puts failed orders back to pending with a new job; the worker processes them', async ({ api, cli, db }) => {
    const admin = await createAdmin(api, db);
    const user = await registerUser(api);
    const product = await createProduct(api, admin.token, { stock: 1 });
    const order = await placeOrder(api, user.token, [{ product_id: product.id, quantity: 3 }]);
    expect((await waitForOrder(api, user.token, order.id)).data.status).toBe('failed');

    await api
      .as(admin.token)
      .PATCH('/products/{product_id}', { params: { path: { product_id: product.id } }, body: { stock: 5 } });
    const res = await cli(['orders', 'requeue', '--failed', '--id', String(order.id)]);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`requeued 1 (orders ${order.id}..${order.id}), 1 so far`);
    const after = await waitForOrder(api, user.token, order.id);
    expect(after.data).toMatchObject({ status: 'completed' });
    expect(after.data.failure_reason ?? null).toBeNull();

    expect((await cli(['orders', 'requeue', '--failed'])).out).toBe('No failed orders to requeue.');
    // An id asked for by name that cannot be requeued is an error naming why.
    const again = await cli(['orders', 'requeue', '--failed', '--id', String(order.id), '--id', '999999']);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`order ${order.id} is completed, not failed`);
    expect(again.err).toContain('order 999999 does not exist');
    expect((await cli(['orders', 'requeue'])).code).toBe(2);
  });
});

describe('storefront orders stats', () => {
  idleTest(
    'counts orders by status and jobs by queue state, with the oldest waiting order, the same figures as /metrics',
    async ({ admin, api, app, config, handle, user }) => {
      const product = await createProduct(api, admin.token, { stock: 5 });
      for (let i = 0; i < 2; i += 1) await placeOrder(api, user.token, [{ product_id: product.id, quantity: 1 }]);
      await new Promise((r) => setTimeout(r, 50));
      const stats = cliRunner(config, handle);

      const text = await stats(['orders', 'stats']);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/^ {2}pending {6}2$/m);
      expect(text.out).toMatch(/^ {2}queued {7}2$/m);
      expect(text.out).toMatch(/^oldest pending order: placed \d+\.\d s ago$/m);

      const json = JSON.parse((await stats(['orders', 'stats', '--json'])).out);
      expect(json).toMatchObject({
        orders: { pending: 2, completed: 0 },
        jobs: { created: 2, active: 0, retry: 0, failed: 0 },
      });
      expect(json.oldestPendingAgeSeconds).toBeGreaterThan(0);

      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toMatch(/^orders_by_status\{status="pending"\} 2$/m);
      expect(metrics).toMatch(/^job_queue_jobs\{queue="order-processing",state="created"\} 2$/m);
      expect(metrics).toMatch(/^job_queue_jobs\{queue="order-processing",state="retry"\} 0$/m);
      const age = Number(/^orders_oldest_pending_age_seconds ([\d.e-]+)$/m.exec(metrics)?.[1]);
      expect(age).toBeGreaterThanOrEqual(json.oldestPendingAgeSeconds);
    },
  );
});
