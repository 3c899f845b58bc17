// A real PgBouncer (Debian's package) in transaction pooling mode, with its
// defaults but for what it needs to run here: a port, trust auth against the
// local trust-auth Postgres, and a wildcard entry so every database of the
// upstream server is reachable (the tests create theirs on the fly).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

export interface PgBouncer {
  port: number;
  /** `directUrl` (a database on the upstream server) with PgBouncer's address instead. */
  urlFor(directUrl: string): string;
  stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

export async function startPgBouncer(upstreamUrl: string): Promise<PgBouncer> {
  const upstream = new URL(upstreamUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sf-pgbouncer-'));
  const user = decodeURIComponent(upstream.username || 'postgres');
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `admin_users = ${user}`,
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root.
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    for (const file of ['', 'users.txt', 'pgbouncer.ini']) chownSync(join(dir, file), uid, gid);
  }
  let child: ChildProcess | undefined;
  let output = '';

  async function launch(): Promise<void> {
    const ini = join(dir, 'pgbouncer.ini');
    const proc = asRoot
      ? spawn('runuser', ['-u', 'postgres', '--', 'pgbouncer', ini], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('pgbouncer', [ini], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-5_000)));
    proc.stderr?.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-5_000)));
    child = proc;
    const deadline = Date.now() + 10_000;
    while (!output.includes('process up')) {
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`PgBouncer did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    // runuser passes the signal on to PgBouncer; SIGINT is its "safe shutdown", SIGTERM its immediate one.
    proc.kill('SIGTERM');
    await exited;
  }

  await launch();
  return {
    port,
    urlFor(directUrl) {
      const url = new URL(directUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
