// One load run, reduced to what the report needs. The load generator is the
// autocannon CLI in a process of its own: the bench process (RSS sampling,
// its database handle, the next scenario's set-up) never shares an event loop
// with it, and the figures are those an operator gets from the same command
// line. The target's CPU time over the run (from /proc) gives its CPU cost
// per request, which other processes on a shared machine disturb far less
// than its requests per second.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { countInstructions } from './instructions.js';

const run = promisify(execFile);
const autocannonPackage = createRequire(import.meta.url).resolve('autocannon/package.json');
const AUTOCANNON_CLI = join(dirname(autocannonPackage), 'autocannon.js');

export interface LoadOptions {
  url: string;
  path: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutSeconds?: number;
  /** Process whose CPU time is measured over the run (the system under load). */
  pid?: number | undefined;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx responses, errors and timeouts. */
  failures: number;
  /** CPU time of `pid` (user + system, all threads) per completed request, in microseconds. */
  cpuUsPerRequest?: number;
  /** User-space instructions of `pid` per completed request (perf stat; absent where perf cannot count). */
  instructionsPerRequest?: number;
  /**
   * CPU time of `pid`'s main thread (the event loop) per request, in microseconds, to the nanosecond
   * (schedstat): without the JIT compiler and GC helper threads, whose work comes in bursts.
   */
  mainThreadUsPerRequest?: number;
}

interface AutocannonJson {
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function drive(o: LoadOptions): Promise<LoadResult> {
  const args = [
    AUTOCANNON_CLI,
    '--json',
    '--connections',
    String(o.connections),
    '--duration',
    String(o.seconds),
    '--timeout',
    String(o.timeoutSeconds ?? 10),
    '--method',
    o.method ?? 'GET',
  ];
  for (const [name, value] of Object.entries(o.headers ?? {})) args.push('--headers', `${name}=${value}`);
  if (o.body !== undefined) args.push('--body', o.body);
  args.push(o.url + o.path);
  const counter = await countInstructions(o.pid);
  const cpuBefore = cpuSeconds(o.pid);
  const mainBefore = mainThreadNs(o.pid);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const cpuAfter = cpuSeconds(o.pid);
  const mainAfter = mainThreadNs(o.pid);
  const instructions = await counter?.stop();
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as AutocannonJson;
  const requests = result.requests.total;
  return {
    rps: requests / o.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    failures: result.non2xx + result.errors + result.timeouts,
    ...(cpuBefore !== undefined &&
      cpuAfter !== undefined &&
      requests > 0 && { cpuUsPerRequest: ((cpuAfter - cpuBefore) * 1e6) / requests }),
    ...(instructions !== undefined && requests > 0 && { instructionsPerRequest: instructions / requests }),
    ...(mainBefore !== undefined &&
      mainAfter !== undefined &&
      requests > 0 && { mainThreadUsPerRequest: (mainAfter - mainBefore) / 1000 / requests }),
  };
}

/** User + system CPU seconds of a process, all threads (fields 14 and 15 of /proc/<pid>/stat, in 1/100 s). */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Nanoseconds the main thread of a process has run (first field of /proc/<pid>/task/<pid>/schedstat). */
export function mainThreadNs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const ns = Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns : undefined;
  } catch {
    return undefined;
  }
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
