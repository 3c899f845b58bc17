// `pnpm bench --profile`: one CPU profile per operation. A fresh server
// process runs with `--cpu-prof` under one operation's load alone, so its
// profile holds that operation and nothing else; the profiles are summarised
// into tables of self time (profile-summary.ts) for bench/RESULTS.md and kept
// in bench/.profiles/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { drive, type LoadOptions } from './load.js';
import { ROOT, type SystemSpec, startSystem } from './processes.js';
import { profileTables, readProfile, summariseProfile } from './profile-summary.js';

export interface ProfileOptions {
  spec: SystemSpec;
  scenarios: Array<{ name: string; load: Omit<LoadOptions, 'url' | 'seconds'> }>;
  seconds: number;
  log: (line: string) => void;
}

export async function profileScenarios(o: ProfileOptions): Promise<string> {
  const tables: string[] = [];
  for (const scenario of o.scenarios) {
    const dir = `${ROOT}bench/.profiles/${scenario.name}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    o.log(`profile: ${scenario.name} for ${o.seconds} s`);
    const server = await startSystem(o.spec, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    let requests = 0;
    let loadEnded = performance.now();
    try {
      // Warm first, so the profile shows the steady state rather than the JIT's first compiles.
      await drive({ ...scenario.load, url: server.url, seconds: 2 });
      requests = (await drive({ ...scenario.load, url: server.url, seconds: o.seconds })).requests;
      loadEnded = performance.now();
    } finally {
      await server.stop(); // SIGTERM: the profile is written on exit
    }
    // Only the measured run's samples: the window ends when the load ended, counted back from the exit
    // (the profile's end, give or take the few ms it takes to write it).
    const toEndUs = (performance.now() - loadEnded) * 1000;
    const window = { toEndUs, fromEndUs: toEndUs + o.seconds * 1e6 };
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no CPU profile was written to ${dir}`);
    tables.push(profileTables(scenario.name, summariseProfile(readProfile(`${dir}/${file}`), 15, window), requests));
  }
  const intro = [
    `Each operation on a fresh server process with \`--cpu-prof\`: 2 s of warm-up, then ${o.seconds} s measured; only the`,
    'measured samples count. Self time is sampled time on the main thread: a system call during which the kernel',
    'preempts the thread is charged to the native write that made it, so on a busy machine the socket writes read',
    'higher than their CPU time. Native calls are charged to the package that made them.',
    '',
  ].join('\n');
  return `${intro}\n${tables.join('\n')}`;
}
