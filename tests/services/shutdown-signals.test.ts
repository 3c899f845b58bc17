// Shutdown as process managers and people deliver it: a signal relayed by a
// wrapper (pnpm) arrives twice and must not cut the drain short; a client
// that sent half a request must not hold the exit; a deliberate second
// Ctrl-C stops at once. Real server processes, logins hashing with bcrypt so
// requests are in flight when the signal lands.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { services } from '../helpers/services.js';
import { ADMIN, clusterEnv } from './helpers/cluster.js';
import { sleep } from './helpers/http.js';
import { createLocalDatabase, type LocalDatabase } from './helpers/postgres.js';
import { freePort, PROCESS_ENV, type Spawned, startServer } from './helpers/processes.js';
import { type RawResult, rawRequest } from './helpers/raw-http.js';

const configured = services('postgres');
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const databases: LocalDatabase[] = [];
const servers: Spawned[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop('SIGKILL')));
  await Promise.all(databases.map((d) => d.drop()));
}, 30_000);

async function server(extra: Record<string, string>): Promise<Spawned> {
  const db = await createLocalDatabase('sf_sig');
  databases.push(db);
  const proc = await startServer(clusterEnv(db, { BCRYPT_COST: '12', ...extra }));
  servers.push(proc);
  return proc;
}

const login = (port: number) => rawRequest(port, 'POST', '/api/v1/auth/login', { body: ADMIN, timeoutMs: 20_000 });

function expectAllAnswered(results: RawResult[]): void {
  expect(results.map((r) => r.error ?? r.status)).toEqual(results.map(() => 200));
}

describe.skipIf(!configured)('shutdown signals', () => {
  it('drains every login in flight when the signal arrives twice (relayed by a wrapper)', async () => {
    const proc = await server({});
    const inFlight = Array.from({ length: 6 }, () => login(proc.port));
    await sleep(60);
    proc.child.kill('SIGTERM');
    proc.child.kill('SIGTERM');
    proc.child.kill('SIGINT');
    expectAllAnswered(await Promise.all(inFlight));
    expect((await proc.exited).code).toBe(0);
  }, 60_000);

  it('does not wait for a client that sent half a request', async () => {
    // Deadlines far beyond the test's: only closing the connection lets the process exit 0 in time.
    const proc = await server({
      HTTP_HEADERS_TIMEOUT_MS: '120000',
      HTTP_REQUEST_TIMEOUT_MS: '120000',
      SHUTDOWN_GRACE_SECONDS: '120',
    });
    const half = net.connect(proc.port, '127.0.0.1');
    await once(half, 'connect');
    half.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: ');
    const halfClosed = once(half, 'close');
    const inFlight = login(proc.port);
    await sleep(60);
    proc.child.kill('SIGTERM');
    expectAllAnswered([await inFlight]);
    await halfClosed;
    expect((await proc.exited).code).toBe(0);
  }, 30_000);

  it('stops at once on a deliberate second Ctrl-C', async () => {
    const proc = await server({ SHUTDOWN_DELAY_SECONDS: '60' });
    proc.child.kill('SIGINT');
    await sleep(1_500);
    expect(proc.child.exitCode).toBeNull(); // still serving through its shutdown delay
    proc.child.kill('SIGINT');
    expect((await proc.exited).code).toBe(1);
  }, 30_000);
});

// `pnpm start` as the README runs it. systemd's default KillMode signals
// every process of the unit: pnpm and the server, and pnpm relays its copy
// to the server as well.
function pnpmCommand(): string {
  const execpath = process.env.npm_execpath;
  return execpath?.includes('pnpm') ? execpath : 'pnpm';
}

async function startPnpm(port: number): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const command = pnpmCommand();
  const args = command.endsWith('.js') || command.endsWith('.cjs') ? [command, 'start'] : ['start'];
  const child = spawn(args[0] === command ? process.execPath : command, args, {
    cwd: ROOT,
    detached: true, // its own process group, as a terminal or a systemd unit gives it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...PROCESS_ENV,
      DATA_DIR: 'memory://',
      PORT: String(port),
      BCRYPT_COST: '12',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-5_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  // The first trial may build first (scripts/build-if-stale.mjs).
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, exited };
    if (Date.now() > deadline || child.exitCode !== null) {
      if (child.pid) for (const pid of processTree(child.pid)) process.kill(pid, 'SIGKILL');
      throw new Error(`pnpm start did not become ready:\n${output}`);
    }
    await sleep(200);
  }
}

/**
 * pnpm and every process under it (pnpm runs its script in a process group
 * of its own, so the terminal's group would not name them all).
 */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  for (let next = [root]; next.length > 0; next = next.flatMap((pid) => children.get(pid) ?? [])) tree.push(...next);
  return tree;
}

describe.skipIf(!configured)('pnpm start, SIGTERM to every process of its group', () => {
  it('loses none of the logins in flight, in 10 trials', async () => {
    const lost: string[] = [];
    for (let trial = 1; trial <= 10; trial += 1) {
      const port = await freePort();
      const { child, exited } = await startPnpm(port);
      try {
        // Listed before the logins start: `ps` blocks this process, and the logins must be sent meanwhile.
        const processes = processTree(child.pid ?? -1);
        expect(processes.length).toBeGreaterThanOrEqual(2);
        const inFlight = Array.from({ length: 6 }, () => login(port));
        await sleep(60);
        // Each signalled on its own, as systemd's KillMode=control-group does.
        for (const pid of processes) process.kill(pid, 'SIGTERM');
        for (const r of await Promise.all(inFlight))
          if (r.status !== 200) lost.push(`trial ${trial}: ${r.error ?? r.status}`);
        expect(await exited).toBe(0);
      } finally {
        if (child.exitCode === null && child.pid)
          for (const pid of processTree(child.pid)) process.kill(pid, 'SIGKILL');
      }
    }
    expect(lost).toEqual([]);
  }, 420_000);
});
