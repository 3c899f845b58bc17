// The per-feature cost table (bench/README.md, "Per-feature cost"): the
// server built by its app builder with features switched off cumulatively,
// each step alternating with the one before it on getProduct.
import type { SwitchableFeature } from '@storefront/server/app';
import { drive, type LoadResult, mean, median } from './load.js';
import { type RunningSystem, startSystem } from './processes.js';
import type { FeatureCost } from './report.js';

export interface FeatureCostOptions {
  serverEnv: Record<string, string>;
  ceilingEnv: Record<string, string>;
  path: string;
  /** Two ports: a step and the one before it run side by side. */
  ports: [number, number];
  quick: boolean;
  settings: { connections: number; warmupSeconds: number; featureRounds: number };
  log: (line: string) => void;
}

/**
 * The per-feature cost on getProduct: this server built through its app
 * builder with everything on, then with the features switched off one more at
 * a time (all on, minus A, minus A+B, ... down to bare). Each step runs
 * alternating with the step before it, round by round; the difference of the
 * two is what the feature switched off at that step costs, so the steps add
 * up to all-on minus bare. Kysely is measured on the ceiling (its getProduct
 * with the server's Kysely query vs raw pg).
 */
export async function featureCosts(o: FeatureCostOptions): Promise<FeatureCost[]> {
  const { serverEnv, ceilingEnv, path, quick, settings, log } = o;
  const [portA, portB] = o.ports;
  const switches: Array<[SwitchableFeature, string]> = [
    ['accessLog', 'access log (one line per request, info to /dev/null)'],
    ['securityHeaders', 'security headers'],
    ['rateLimit', 'rate limit'],
    ['metrics', 'metrics'],
    ['loadShedding', 'load shedding'],
    ['auth', 'authentication (a public route: the hook alone)'],
    ['validation', 'request validation'],
    ['serialization', 'response serialization (fast-json-stringify → JSON.stringify)'],
  ];
  const seconds = quick ? 1 : 4;
  const variant = (name: string, env: Record<string, string>, port: number, entry = 'bench/src/systems/variant.ts') =>
    startSystem({ name, entry, env, port });
  const pair = async (feature: string, on: RunningSystem, off: RunningSystem): Promise<FeatureCost> => {
    const load = (s: RunningSystem, secs: number) =>
      drive({ url: s.url, path, connections: settings.connections, seconds: secs, pid: s.child.pid });
    // The new step is a fresh process: its JIT compiles on other threads, and that CPU time is not the
    // feature's; a colder process also runs slower code, which reads as a negative cost (see the README).
    await load(on, settings.warmupSeconds);
    await load(off, quick ? 1 : 10);
    const rs = { on: [] as LoadResult[], off: [] as LoadResult[] };
    for (let round = 0; round < settings.featureRounds; round++)
      for (const which of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const))
        rs[which].push(await load(which === 'on' ? on : off, seconds));
    const cpu = (xs: LoadResult[]) => median(xs.map((r) => r.cpuUsPerRequest ?? Number.NaN));
    const instructions = (xs: LoadResult[]) => median(xs.map((r) => r.instructionsPerRequest ?? Number.NaN));
    const mainThread = (xs: LoadResult[]) => median(xs.map((r) => r.mainThreadUsPerRequest ?? Number.NaN));
    return {
      feature,
      scenario: 'getProduct',
      allOnUs: cpu(rs.on),
      offUs: cpu(rs.off),
      instructionsOn: instructions(rs.on),
      instructionsOff: instructions(rs.off),
      mainThreadOnUs: mainThread(rs.on),
      mainThreadOffUs: mainThread(rs.off),
      rpsOn: mean(rs.on.map((r) => r.rps)),
      rpsOff: mean(rs.off.map((r) => r.rps)),
    };
  };
  const costs: FeatureCost[] = [];
  let previous = await variant('storefront, all on (app builder)', { ...serverEnv, BENCH_WITHOUT: '' }, portA);
  try {
    for (const [i, [, feature]] of switches.entries()) {
      const without = switches.slice(0, i + 1).map(([key]) => key);
      log(`feature cost: ${feature} (off: ${without.join(', ')})`);
      const next = await variant(
        `storefront without ${without.join(', ')}`,
        { ...serverEnv, BENCH_WITHOUT: without.join(',') },
        i % 2 === 0 ? portB : portA,
      );
      try {
        costs.push(await pair(feature, previous, next));
      } finally {
        await previous.stop();
        previous = next;
      }
    }
  } finally {
    await previous.stop();
  }
  const first = costs[0];
  const last = costs.at(-1);
  if (first && last)
    costs.push({
      feature: 'all of the above (all on → bare, the sum of the steps)',
      scenario: 'getProduct',
      allOnUs: first.allOnUs,
      offUs: costs.reduce((us, c) => us - (c.allOnUs - c.offUs), first.allOnUs),
      instructionsOn: first.instructionsOn,
      instructionsOff: costs.reduce((n, c) => n - (c.instructionsOn - c.instructionsOff), first.instructionsOn),
      mainThreadOnUs: first.mainThreadOnUs,
      mainThreadOffUs: costs.reduce((us, c) => us - (c.mainThreadOnUs - c.mainThreadOffUs), first.mainThreadOnUs),
      rpsOn: first.rpsOn,
      rpsOff: last.rpsOff,
    });
  log('feature cost: Kysely vs raw pg (on the ceiling)');
  const raw = await variant('ceiling', ceilingEnv, portA, 'bench/src/systems/ceiling.ts');
  const withKysely = await variant(
    'ceiling with Kysely',
    { ...ceilingEnv, BENCH_CEILING_KYSELY: '1' },
    portB,
    'bench/src/systems/ceiling.ts',
  );
  try {
    costs.push({
      ...(await pair('Kysely (vs raw pg, on the ceiling)', withKysely, raw)),
      scenario: 'getProduct (ceiling)',
    });
  } finally {
    await Promise.all([raw.stop(), withKysely.stop()]);
  }
  return costs;
}
