// The operator CLI as an operator runs it: a process of its own on Postgres
// (node with tsx's loader on the source; production runs the same file
// compiled), its output and its exit code: 0 done, 1 failed, 2 called wrongly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ENV } from '../helpers/app.js';
import { services } from '../helpers/services.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { freePort } from './helpers/processes.js';

const configured = services('postgres');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let db: LocalDatabase;
beforeAll(async () => {
  if (configured) db = await createLocalDatabase('sf_cli');
}, 60_000);
afterAll(async () => db?.drop());

function storefront(args: string[], { input = '', url = db.url } = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: url, DB_CONNECT_TIMEOUT_MS: '1000' },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

describe.skipIf(!configured)('storefront CLI processes on Postgres', () => {
  it('migrate down, a refused command, migrate up, status', () => {
    expect(storefront(['migrate', 'status'])).toMatchObject({ code: 0, out: expect.stringMatching(/Up to date\.$/) });
    const down = storefront(['migrate', 'down']);
    expect(down).toMatchObject({ code: 0, out: expect.stringMatching(/^Reverted \S+\.$/) });
    expect(storefront(['orders', 'stats'])).toMatchObject({
      code: 1,
      err: 'Error: The database has 1 pending migration(s): run `storefront migrate up` first.',
    });
    expect(storefront(['migrate', 'up'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Applying 1 migration...'),
    });
  });

  it('creates an admin from a piped password and keeps them the last admin', () => {
    const created = storefront(
      ['admin', 'create', '--email', 'ops@example.com', '--username', 'ops', '--password-stdin'],
      { input: 'Piped#Secret9\n' },
    );
    expect(created).toMatchObject({ code: 0, out: 'Created admin ops <ops@example.com> (id 1).' });
    expect(storefront(['user', 'role', 'ops@example.com', 'user'])).toMatchObject({
      code: 1,
      err: 'Error: The last active admin cannot be demoted or deactivated',
    });
    expect(storefront(['sessions', 'revoke', '--user', '1'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Revoked 0 sessions/),
    });
    expect(storefront(['orders', 'requeue', '--failed'])).toMatchObject({
      code: 0,
      out: 'No failed orders to requeue.',
    });
    expect(JSON.parse(storefront(['orders', 'stats', '--json']).out)).toMatchObject({ oldestPendingAgeSeconds: null });
  });

  it('exits 2 on a wrong call and 1, with the reason and no stack, when the database is unreachable', async () => {
    expect(storefront(['orders', 'purge']).code).toBe(2);
    const port = await freePort();
    const down = storefront(['orders', 'stats'], { url: `postgres://postgres@127.0.0.1:${port}/nothing` });
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^Error: .*ECONNREFUSED/);
    expect(down.err).not.toMatch(/\n\s+at /);
  });
});
