// The drill's results: fleet/results/<name>.json (everything), <name>.md
// (the tables a person reads) and <name>.png (the chart), where <name> is
// `latest` for a full run and `latest.quick` for --quick.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chartSvg, renderPng } from './chart.js';
import type { Check } from './check.js';
import type { FleetEvent, Outcome } from './recorder.js';
import type { PhaseRecord } from './schedule.js';
import { type PhaseStats, phaseStats, timeSeries } from './stats.js';

export interface DrillReport {
  mode: 'full' | 'quick';
  date: string;
  machine: string;
  /** Wall time of the whole drill, set-up and clean-up included. */
  seconds: number;
  settings: Record<string, unknown>;
  phases: PhaseStats[];
  events: FleetEvent[];
  checks: Check[];
  passed: boolean;
}

export const NOTE =
  'The machine has 2 cores shared by the whole fleet (Postgres, PgBouncer, Redis, HAProxy, 3 API instances, ' +
  '2 workers) and the load generator: the drill proves behaviour under faults, not capacity.';

const ms = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const errors = (e: Record<string, number>) =>
  Object.entries(e)
    .map(([k, n]) => `${n} × ${k}`)
    .join(', ') || '–';

export function buildReport(o: {
  mode: 'full' | 'quick';
  seconds: number;
  settings: Record<string, unknown>;
  records: PhaseRecord[];
  outcomes: Outcome[];
  events: FleetEvent[];
  checks: Check[];
}): DrillReport {
  return {
    mode: o.mode,
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    seconds: o.seconds,
    settings: o.settings,
    phases: o.records.map((r) => phaseStats(o.outcomes, r.phase)),
    events: o.events,
    checks: o.checks,
    passed: o.checks.every((c) => c.passed || !c.gate),
  };
}

export function markdown(r: DrillReport): string {
  const lines = [
    `# Fleet drill (${r.mode})`,
    '',
    `${r.date}, ${r.machine}; the drill took ${(r.seconds / 60).toFixed(1)} min. **${r.passed ? 'Passed' : 'FAILED'}.**`,
    '',
    `> ${NOTE}`,
    '',
    `![latency and errors over time](${r.mode === 'quick' ? 'latest.quick.png' : 'latest.png'})`,
    '',
    '## Checks',
    '',
    '| | check | exit code | detail |',
    '|---|---|---|---|',
    ...r.checks.map((c) => `| ${c.passed ? '✅' : '❌'} | ${c.name} | ${c.gate ? 'yes' : 'no'} | ${c.detail} |`),
    '',
    '## Phases',
    '',
    '| phase | s | requests | req/s | failed | errors | retried by the balancer |',
    '|---|---|---|---|---|---|---|',
    ...r.phases.map(
      (p) =>
        `| ${p.phase} | ${p.seconds.toFixed(0)} | ${p.requests} | ${p.rps.toFixed(0)} | ${p.failures} | ${errors(p.errors)} | ${p.retried} |`,
    ),
    '',
    '## Per operation and phase',
    '',
    'Latency in ms, from the shopper (through HAProxy). `getOrder` waits for the outcome (`Prefer: wait=5`).',
    '',
  ];
  for (const p of r.phases) {
    lines.push(
      `### ${p.phase}`,
      '',
      '| operation | requests | req/s | p50 | p99 | failed | errors |',
      '|---|---|---|---|---|---|---|',
    );
    for (const op of p.ops)
      lines.push(
        `| ${op.op} | ${op.count} | ${op.rps.toFixed(1)} | ${ms(op.p50)} | ${ms(op.p99)} | ${op.failures} | ${errors(op.errors)} |`,
      );
    lines.push('');
  }
  lines.push('## Settings', '', '```json', JSON.stringify(r.settings, null, 2), '```', '');
  return lines.join('\n');
}

export function writeReport(dir: string, r: DrillReport, outcomes: Outcome[], records: PhaseRecord[]): string[] {
  mkdirSync(dir, { recursive: true });
  const name = r.mode === 'quick' ? 'latest.quick' : 'latest';
  const files = [join(dir, `${name}.json`), join(dir, `${name}.md`), join(dir, `${name}.png`)];
  writeFileSync(files[0]!, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(files[1]!, markdown(r));
  const svg = chartSvg({
    title: `storefront fleet drill (${r.mode}): ${r.passed ? 'passed' : 'FAILED'}`,
    subtitle: `${r.date.slice(0, 16).replace('T', ' ')} UTC; 3 API instances behind HAProxy, 2 workers, PgBouncer, Postgres, Redis on 2 cores. Latency excludes getOrder long-polls.`,
    buckets: timeSeries(outcomes, (o) => o.op !== 'getOrder'),
    phases: records.map((rec) => rec.phase),
    events: r.events,
  });
  writeFileSync(files[2]!, renderPng(svg));
  return files;
}
