// `pnpm fleet [--quick] [--direct] [--shoppers N] [--serve]`: the two sizes
// of the drill. --quick runs every fault once in a few minutes (CI); the full
// run goes through the faults twice with more shoppers and longer phases.
// --serve only brings the topology up and keeps it until Ctrl-C.
import type { Plan } from './schedule.js';

export interface Options {
  mode: 'full' | 'quick';
  /** API instances and workers reach Postgres directly instead of through PgBouncer. */
  direct: boolean;
  /** Bring the topology up and keep it running until Ctrl-C: no load, no faults. */
  serve: boolean;
  shoppers: number;
  /** Admin sessions shared by the shoppers' admin actions. */
  staff: number;
  thinkMs: number;
  products: number;
  plan: Plan;
  /** How long orders may take to settle after the load stops. */
  settleOrdersMs: number;
  /** Logouts per instance in the revocation check. */
  revocationTrials: number;
}

export function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const shoppersAt = argv.indexOf('--shoppers');
  const known = new Set(['--quick', '--direct', '--shoppers', '--serve']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && i !== shoppersAt + 1);
  if (unknown.length > 0)
    throw new Error(
      `unknown option ${unknown.join(' ')}; usage: pnpm fleet [--quick] [--direct] [--shoppers N] [--serve]`,
    );
  const options: Options = quick
    ? {
        mode: 'quick',
        direct: false,
        serve: false,
        shoppers: 16,
        staff: 2,
        thinkMs: 50,
        products: 300,
        plan: { baselineMs: 10_000, settleMs: 5_000, redisDownMs: 5_000, cycles: 1 },
        settleOrdersMs: 60_000,
        revocationTrials: 2,
      }
    : {
        mode: 'full',
        direct: false,
        serve: false,
        shoppers: 32,
        staff: 3,
        thinkMs: 50,
        products: 1000,
        plan: { baselineMs: 30_000, settleMs: 10_000, redisDownMs: 10_000, cycles: 2 },
        settleOrdersMs: 90_000,
        revocationTrials: 5,
      };
  options.direct = argv.includes('--direct');
  options.serve = argv.includes('--serve');
  if (shoppersAt >= 0) {
    const n = Number(argv[shoppersAt + 1]);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error('--shoppers takes a number from 1 to 1000');
    options.shoppers = n;
  }
  return options;
}
