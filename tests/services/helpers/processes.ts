// Real server and worker processes (from source with tsx's loader, or a
// production build with plain node: see `Entry`) for the process-level tests: spawned with an env, awaited until they answer,
// stopped by signal, and always killed in the end so no test leaves one behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_ENV } from '../../helpers/app.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const PROCESS_ENV: Record<string, string> = {
  ...TEST_ENV,
  LOG_LEVEL: 'warn',
  QUEUE_POLL_SECONDS: '0.5',
  QUEUE_RETRY_DELAY_SECONDS: '1',
};

export interface Spawned {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** The last 20,000 characters the process printed (for failure messages). */
  output(): string;
  /** Whether the process has printed its ready line (if it has one), however much it printed since. */
  printedReadyLine(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the exit (kills it after `timeoutMs`). */
  stop(
    signal?: NodeJS.Signals,
    timeoutMs?: number,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How to run an entry point: node's arguments and the working directory. */
export interface Entry {
  args: string[];
  cwd: string;
}

// node with tsx's loader, not the tsx CLI: the CLI runs the script in a child
// process, so a SIGKILL would kill only the wrapper and leave the server running.
const fromSource = (script: 'server' | 'worker'): Entry => ({
  args: ['--import', 'tsx', `${ROOT}server/src/${script}.ts`],
  cwd: ROOT,
});

/** The production entry point of a built (or deployed) server package: `node dist/<script>.js` in `dir`. */
export const built = (dir: string, script: 'server' | 'worker'): Entry => ({ args: [`dist/${script}.js`], cwd: dir });

function start(entry: Entry, env: Record<string, string>, port: number, readyLine?: string): Spawned {
  const child = spawn(process.execPath, entry.args, {
    cwd: entry.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...PROCESS_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  let printedReadyLine = false;
  const keep = (chunk: Buffer) => {
    const arrived = chunk.toString();
    // Matched as the output arrives: a busy worker can print more than the
    // kept tail between two looks at it, pushing the line out of the tail.
    if (readyLine && !printedReadyLine) printedReadyLine = (out.slice(-readyLine.length) + arrived).includes(readyLine);
    out = (out + arrived).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit').then(([code, signal]) => {
    live.delete(child);
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  return {
    child,
    pid: child.pid ?? -1,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    printedReadyLine: () => printedReadyLine,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 15_000) {
      const t0 = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      return { ...result, ms: Date.now() - t0 };
    },
  };
}

async function waitUntil(
  what: string,
  proc: Spawned,
  ready: () => Promise<boolean>,
  timeoutMs = 45_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited before it was ready:\n${proc.output()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  proc.child.kill('SIGKILL');
  throw new Error(`${what} not ready after ${timeoutMs} ms:\n${proc.output()}`);
}

/** Starts the server on a free port and waits until /health answers 200. */
export async function startServer(env: Record<string, string>, entry = fromSource('server')): Promise<Spawned> {
  const port = await freePort();
  const proc = start(entry, { PORT: String(port), HOST: '127.0.0.1', ...env }, port);
  await waitUntil(
    'server',
    proc,
    async () => (await fetch(`${proc.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2000) })).status === 200,
  );
  return proc;
}

/** Starts a worker and waits until it logs that it is taking jobs. */
export async function startWorker(env: Record<string, string>, entry = fromSource('worker')): Promise<Spawned> {
  const proc = start(entry, { LOG_LEVEL: 'info', ...env }, 0, 'order worker started');
  await waitUntil('worker', proc, async () => proc.printedReadyLine());
  return proc;
}
