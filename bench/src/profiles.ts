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
    try {
      // Warm first, so the profile shows the steady state rather than the JIT's first compiles.
      requests += (await drive({ ...scenario.load, url: server.url, seconds: 2 })).requests;
      requests += (await drive({ ...scenario.load, url: server.url, seconds: o.seconds })).requests;
    } finally {
      await server.stop(); // SIGTERM: the profile is written on exit
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no CPU profile was written to ${dir}`);
    // The whole process's profile: start-up is in it too (Ajv compiling the contract's validators shows
    // under ajv), so µs/req, over the warm-up's and the run's requests, is an upper bound.
    tables.push(profileTables(scenario.name, summariseProfile(readProfile(`${dir}/${file}`)), requests));
  }
  return tables.join('\n');
}
