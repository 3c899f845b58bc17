// The breaking-change gate compares with the contract as last released (a
// snapshot committed at openapi/released/), never with the previous commit.
// Proven in a scratch git repository: a breaking commit followed by an
// unrelated one still fails, a major version bump lets it through, and a
// release records the new baseline, against which the next break fails again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CONTRACT_PATH, checkBreaking, RELEASED_PATH } from '../../scripts/breaking-gate.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/tsx/dist/cli.mjs', import.meta.url));
type Json = Record<string, any>;

let scratch: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: scratch,
    encoding: 'utf8',
  });
function commit(message: string) {
  git('add', '-A');
  git('commit', '-q', '-m', message);
}
const editContract = (change: (doc: Json) => void) => {
  const doc = parse(readFileSync(join(scratch, CONTRACT_PATH), 'utf8')) as Json;
  change(doc);
  writeFileSync(join(scratch, CONTRACT_PATH), stringify(doc));
};
/** A script of the repository run on the scratch checkout: its exit code and output. */
function run(script: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [tsx, join(repoRoot, script), '--root', scratch], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, output };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'breaking-gate-'));
  mkdirSync(join(scratch, 'openapi/released'), { recursive: true });
  for (const path of [CONTRACT_PATH, RELEASED_PATH])
    writeFileSync(join(scratch, path), readFileSync(join(repoRoot, path), 'utf8'));
  writeFileSync(join(scratch, 'README.md'), 'scratch\n');
  git('init', '-q');
  commit('the released contract');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pnpm check:breaking', () => {
  it('the repository’s own contract passes against its released snapshot', async () => {
    expect((await checkBreaking(repoRoot)).ok).toBe(true);
  });

  it('a removed response field, then an unrelated commit: still fails, naming the change (exit 1)', async () => {
    expect((await checkBreaking(scratch)).ok).toBe(true);
    editContract((doc) => {
      const order = doc.components.schemas.Order;
      delete order.properties.failure_reason;
      order.required = order.required.filter((name: string) => name !== 'failure_reason');
    });
    commit('drop failure_reason');
    writeFileSync(join(scratch, 'README.md'), 'an unrelated change\n');
    commit('unrelated');

    // The commit before HEAD has the same contract: comparing with it would find nothing.
    expect(git('diff', '--stat', 'HEAD~1', '--', CONTRACT_PATH)).toBe('');
    const result = await checkBreaking(scratch);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(/failure_reason/);
    const cli = run('scripts/check-breaking.ts');
    expect(cli.code).toBe(1);
    expect(cli.output).toMatch(/FAILED: .*without a major version bump/);
  }, 60_000);

  it('a release is refused while it breaks without a major bump; with one, it records the new baseline', async () => {
    expect(run('scripts/release.ts').code).toBe(1);
    const released = readFileSync(join(scratch, RELEASED_PATH), 'utf8');

    editContract((doc) => {
      doc.info.version = '2.0.0';
    });
    commit('2.0.0');
    expect((await checkBreaking(scratch)).ok).toBe(true);
    expect(readFileSync(join(scratch, RELEASED_PATH), 'utf8')).toBe(released);

    expect(run('scripts/release.ts').code).toBe(0);
    expect(readFileSync(join(scratch, RELEASED_PATH), 'utf8')).toMatch(/released in version 2\.0\.0/);
    expect(run('scripts/release.ts').code).toBe(1); // 2.0.0 again is not a new release
    commit('release 2.0.0');

    // The next break is measured against 2.0.0, however many commits later.
    editContract((doc) => {
      delete doc.components.schemas.Order.properties.shipping_address;
    });
    commit('drop shipping_address');
    writeFileSync(join(scratch, 'README.md'), 'another unrelated change\n');
    commit('unrelated again');
    const result = await checkBreaking(scratch);
    expect(result.ok).toBe(false);
    expect(result.lines[0]).toMatch(/released contract 2\.0\.0 FAILED/);
  }, 60_000);
});
