// The harness checked against other load generators on the same system (the
// ceiling's getHealth), alternating round by round: the bench's driver (the
// autocannon CLI in its own process), wrk (C, two threads; Debian's `wrk`,
// skipped when it is not installed) and autocannon inside the bench process,
// as the harness used to drive load. If the bench's figures drift from wrk's
// beyond what the generator's own CPU use explains, the harness is wrong.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { cpuSeconds, drive, type LoadResult } from './load.js';

const run = promisify(execFile);

export type Generator = 'autocannon CLI (bench driver)' | 'wrk' | 'autocannon in the bench process';

interface Target {
  url: string;
  path: string;
  connections: number;
  seconds: number;
  pid: number | undefined;
}

export async function wrkInstalled(): Promise<boolean> {
  return run('wrk', ['--version']).then(
    () => true,
    (err: { code?: unknown }) => err.code !== 'ENOENT', // wrk --version exits 1 after printing its version
  );
}

async function withCpu(pid: number | undefined, load: () => Promise<Omit<LoadResult, 'cpuUsPerRequest'>>) {
  const before = cpuSeconds(pid);
  const r = await load();
  const after = cpuSeconds(pid);
  return {
    ...r,
    ...(before !== undefined &&
      after !== undefined &&
      r.requests > 0 && { cpuUsPerRequest: ((after - before) * 1e6) / r.requests }),
  };
}

export async function driveWith(generator: Generator, t: Target): Promise<LoadResult> {
  if (generator === 'autocannon CLI (bench driver)') return drive(t);
  if (generator === 'wrk') {
    return withCpu(t.pid, async () => {
      const { stdout } = await run('wrk', [
        '-t2',
        `-c${t.connections}`,
        `-d${t.seconds}s`,
        '--latency',
        t.url + t.path,
      ]);
      const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
      const ms = (label: string) => {
        const m = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
        if (!m) return Number.NaN;
        const unit = m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1;
        return Number(m[1]) * unit;
      };
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
        .exec(stdout)
        ?.slice(1)
        .reduce((a, n) => a + Number(n), 0);
      return {
        rps: requests / t.seconds,
        p50: ms('50'),
        p99: ms('99'),
        requests,
        failures: non2xx + (errors ?? 0),
      };
    });
  }
  return withCpu(t.pid, async () => {
    const r = await autocannon({ url: t.url + t.path, connections: t.connections, duration: t.seconds });
    return {
      rps: r.requests.total / t.seconds,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      failures: r.non2xx + r.errors + r.timeouts,
    };
  });
}
