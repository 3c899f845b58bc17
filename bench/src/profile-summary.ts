// Self time from a V8 CPU profile (`node --cpu-prof`), summed by function and
// by package: which code the server's CPU goes to on one operation. Each
// sample's time is charged to the function on top of the stack (self time);
// idle samples are left out of the shares. Native functions (V8 builtins and
// Node's C++ bindings, such as a socket's writev, which include the system
// call) are charged to the first package up the stack outside Node's own
// JavaScript, so a socket write shows under pg when a query wrote it, under
// fastify when a response did, and a file write under sonic-boom (pino's
// writer). A window, counted back from the
// profile's end, keeps only the samples of a load run (not the process's
// start-up). `tsx bench/src/profile-summary.ts FILE.cpuprofile` prints the
// tables for a whole profile of one's own.
import { readFileSync } from 'node:fs';
import { markdownTable } from './report.js';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}
export interface ProfileSummary {
  totalMs: number;
  byFunction: SelfTime[];
  byPackage: SelfTime[];
}

/** Where a function's code lives: its npm package, our code, the bench, Node's own JavaScript or V8. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : 'native (V8 builtins, Node bindings)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first = '', second = ''] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.includes('/server/')) return 'storefront (our code)';
  if (url.includes('/bench/')) return 'bench system';
  return 'other';
}

function ranked(times: Map<string, number>, totalMs: number, top: number): SelfTime[] {
  return [...times]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

/** Samples taken between `fromEndUs` and `toEndUs` microseconds before the profile's end (toEndUs < fromEndUs). */
export interface Window {
  fromEndUs: number;
  toEndUs: number;
}

export function summariseProfile(profile: CpuProfile, top = 15, window?: Window): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  /** Who called a native function: the nearest script frame outside Node's own (or Node's, if none). */
  const caller = (id: number) => {
    let nodeFrame: ProfileNode['callFrame'] | undefined;
    for (let at = parents.get(id); at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (!frame?.url) continue;
      if (!frame.url.startsWith('node:')) return frame;
      nodeFrame ??= frame;
    }
    return nodeFrame;
  };
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const beforeEnd = profile.endTime - at;
    if (window && (beforeEnd > window.fromEndUs || beforeEnd < window.toEndUs)) return;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const native = !frame.url && !frame.functionName.startsWith('(');
    const from = native ? caller(id) : undefined;
    const script = from ?? frame;
    const pkg = packageOf(script.url, script.functionName);
    const module = script.url.startsWith('node:') ? ` ${script.url}` : '';
    const where = script.url ? ` (${pkg}${module})` : '';
    const fn = from
      ? `${frame.functionName || '(anonymous)'} (native, from ${from.functionName || '(anonymous)'}${where})`
      : `${frame.functionName || '(anonymous)'}${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    totalMs += ms;
  });
  return { totalMs, byFunction: ranked(byFunction, totalMs, top), byPackage: ranked(byPackage, totalMs, top) };
}

export function profileTables(title: string, s: ProfileSummary, requests?: number): string {
  const perRequest = (ms: number) => (requests ? ((ms * 1000) / requests).toFixed(1) : '');
  const rows = (xs: SelfTime[]) =>
    xs.map((x) => [x.name, x.ms.toFixed(0), `${(x.share * 100).toFixed(1)}%`, perRequest(x.ms)]);
  return [
    `### ${title}: self time by package (${s.totalMs.toFixed(0)} ms of CPU samples${requests ? `, ${requests.toLocaleString('en')} requests` : ''})`,
    '',
    markdownTable(['package', 'self ms', 'share', 'µs/req'], rows(s.byPackage)),
    '',
    `### ${title}: top functions by self time`,
    '',
    markdownTable(['function (package)', 'self ms', 'share', 'µs/req'], rows(s.byFunction)),
    '',
  ].join('\n');
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2))
    process.stdout.write(`${profileTables(file, summariseProfile(readProfile(file), 25))}\n`);
}
