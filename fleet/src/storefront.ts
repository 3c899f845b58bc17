// The storefront's own processes, as production runs them: plain `node` on
// the compiled server (`server/dist`), each in a working directory of its own
// in the workspace (so a developer's .env in the checkout does not leak in).
// API instances serve HTTP with RUN_WORKER=false; workers process orders;
// the migrate one-shot runs before both. An instance that exits without
// being told to is reported to `onCrash`, which plays the process manager.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Child, runCommand, startChild } from './children.js';
import type { Workspace } from './workspace.js';

const SERVER_DIST = fileURLToPath(new URL('../../server/dist/', import.meta.url));

export interface Instance {
  name: string;
  /** The HTTP port (API instances; 0 for workers). */
  port: number;
  current(): Child | undefined;
  /** Starts a new process and waits until it is ready (API: `/readyz` 200; worker: its start line). */
  start(): Promise<void>;
  /** Sends a signal to the process and waits for its exit. */
  stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The end of a log, for an error message that explains itself. */
const tail = (logFile: string) => readFileSync(logFile, 'utf8').slice(-1500);

async function waitReady(url: string, child: Child, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive()) throw new Error(`${child.name} exited during start-up; its log ends:\n${tail(logFile)}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${child.name} not ready after ${timeoutMs} ms; its log ends:\n${tail(logFile)}`);
}

export type OnCrash = (instance: Instance, exit: { code: number | null; signal: NodeJS.Signals | null }) => void;

function instance(
  ws: Workspace,
  name: string,
  script: 'server' | 'worker',
  port: number,
  env: Record<string, string>,
  onCrash: OnCrash,
): Instance {
  const cwd = ws.subdir(name);
  const logFile = join(cwd, `${name}.log`);
  let child: Child | undefined;
  let stopping = false;
  const self: Instance = {
    name,
    port,
    current: () => child,
    async start() {
      stopping = false;
      const started = startChild(name, process.execPath, [join(SERVER_DIST, `${script}.js`)], {
        cwd,
        // PGAPPNAME names the instance's pooled connections in pg_stat_activity.
        env: { ...ws.baseEnv, ...env, PGAPPNAME: name, ...(port && { PORT: String(port), HOST: '127.0.0.1' }) },
        logFile,
      });
      child = started;
      void started.exited.then((exit) => {
        if (!stopping && child === started) onCrash(self, exit);
      });
      if (script === 'server') await waitReady(`http://127.0.0.1:${port}/readyz`, started, logFile);
      else
        await started.printed('order worker started').catch((err: Error) => {
          throw new Error(`${err.message}; its log ends:\n${tail(logFile)}`);
        });
    },
    async stop(signal) {
      stopping = true;
      if (!child) return { code: null, signal: null };
      return child.stop(signal, 30_000);
    },
  };
  return self;
}

export const apiInstance = (ws: Workspace, name: string, port: number, env: Record<string, string>, onCrash: OnCrash) =>
  instance(ws, name, 'server', port, { ...env, RUN_WORKER: 'false' }, onCrash);

export const workerInstance = (ws: Workspace, name: string, env: Record<string, string>, onCrash: OnCrash) =>
  instance(ws, name, 'worker', 0, env, onCrash);

/** `node dist/cli.js migrate up`, the one-shot that runs before the fleet starts. */
export async function migrate(ws: Workspace, env: Record<string, string>): Promise<string> {
  return runCommand(process.execPath, [join(SERVER_DIST, 'cli.js'), 'migrate', 'up'], {
    cwd: ws.subdir('migrate'),
    env: { ...ws.baseEnv, ...env },
  });
}
