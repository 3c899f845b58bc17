// Each system runs as a process of its own on its own port; start-up time is
// measured from spawn to the first healthy /health, and RSS is sampled from
// /proc while load runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SystemSpec {
  name: string;
  /** Script to run, relative to the repository root: compiled `.js` with plain node, `.ts` with `node --import tsx`. */
  entry: string;
  env: Record<string, string>;
  port: number;
}

export interface RunningSystem {
  spec: SystemSpec;
  url: string;
  startupMs: number;
  peakRssMb: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startSystem(spec: SystemSpec, extraArgs: string[] = []): Promise<RunningSystem> {
  const started = performance.now();
  // stdout (the access log at `info`) goes to /dev/null; stderr is kept for failures.
  const loader = spec.entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...extraArgs, ...loader, spec.entry], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env, PORT: String(spec.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${spec.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited during start-up (${child.exitCode}):\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`${spec.name} was not healthy after 60 s:\n${stderr}`);
    const ok = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const running: RunningSystem = {
    spec,
    url,
    startupMs: performance.now() - started,
    peakRssMb: 0,
    child,
    stop: () => stopChild(child),
  };
  return running;
}

/** SIGTERM (graceful shutdown, and the CPU profile is written), SIGKILL after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the peak RSS of `systems` every 200 ms until the returned stop function is called. */
export function sampleRss(systems: RunningSystem[]): () => void {
  const timer = setInterval(() => {
    for (const s of systems) s.peakRssMb = Math.max(s.peakRssMb, rssMb(s.child.pid));
  }, 200);
  return () => clearInterval(timer);
}
