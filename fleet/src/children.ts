// Every long-running process the drill starts goes through here: each in a
// process group of its own (so a Ctrl-C in the terminal reaches the drill
// alone, which then stops everything in order, and a stop can take a
// process's children too), its output appended to a log file of its own, and
// registered so cleanup and the reaper can find it.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Who runs Postgres and PgBouncer: the `postgres` user when the drill runs as root (both refuse root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface Child {
  name: string;
  pid: number;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** Resolves when the process has printed `line` (checked as the output arrives). */
  printed(line: string): Promise<void>;
  /** Sends `signal` to the process group and waits for the exit; SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const live = new Set<Child>();
/** The process groups still running, for cleanup and the reaper. */
export const liveGroups = (): number[] => [...live].map((c) => c.pid);

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; logFile: string; runAs?: RunAs | undefined },
): Child {
  const log: WriteStream = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    ...(options.runAs && { uid: options.runAs.uid, gid: options.runAs.gid }),
  });
  if (child.pid === undefined) throw new Error(`${name}: ${command} did not start`);
  const waiting: Array<{ line: string; resolve: () => void }> = [];
  let tail = '';
  let head = ''; // the start of the output, for a ready line asked for after it was printed
  const onData = (chunk: Buffer) => {
    log.write(chunk);
    if (head.length < 65_536) head += chunk.toString();
    const text = tail + chunk.toString();
    for (const w of [...waiting])
      if (text.includes(w.line)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    tail = text.slice(-200); // a line split across two chunks still matches
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = once(child, 'exit').then(([code, signal]) => {
    live.delete(handle);
    log.end();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  const handle: Child = {
    name,
    pid: child.pid,
    child,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    printed: (line) =>
      new Promise<void>((resolve, reject) => {
        if (head.includes(line)) return resolve();
        waiting.push({ line, resolve });
        void exited.then((e) => reject(new Error(`${name} exited (${e.code ?? e.signal}) before printing "${line}"`)));
      }),
    async stop(signal = 'SIGTERM', graceMs = 20_000) {
      if (handle.alive()) signalGroup(child.pid!, signal);
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  live.add(handle);
  return handle;
}

/** Signals a whole process group; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // gone already
  }
}

/** A one-shot command; throws with its output when it exits non-zero. */
export async function runCommand(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; runAs?: RunAs | undefined; timeoutMs?: number } = {},
): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd: options.cwd,
      env: options.env ?? { PATH: process.env.PATH ?? '' },
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 16 * 1024 * 1024,
      ...(options.runAs && { uid: options.runAs.uid, gid: options.runAs.gid }),
    });
    return stdout + stderr;
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** Stops every process still registered: SIGTERM to each group, SIGKILL to what is left after `graceMs`. */
export async function stopAll(graceMs = 15_000): Promise<void> {
  await Promise.all([...live].map((c) => c.stop('SIGTERM', graceMs)));
}
