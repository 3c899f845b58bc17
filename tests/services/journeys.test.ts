// `pnpm journeys` must fail when a journey's step does not get what it expects.
// One run of the real runner (a fresh server, redocly respect) takes the
// contract's workflow file and a copy with one expected status changed: the
// original must pass and the copy must fail exactly at that step.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTRACT_DIR = join(ROOT, 'openapi');
const JOURNEYS = join(CONTRACT_DIR, 'storefront.arazzo.yaml');
const WORKFLOW = 'sessionRefreshRotation';
const BROKEN_STEP = 'reuseOldRefreshToken';

type Json = Record<string, any>;
interface ExecutedStep {
  type: 'step' | 'workflow';
  stepId: string;
  status: string;
  executedSteps?: ExecutedStep[];
}

const tmp = mkdtempSync(join(tmpdir(), 'journeys-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the journeys expecting 200 where a reused refresh token gets 401. */
function brokenCopy(): string {
  const doc = parse(readFileSync(JOURNEYS, 'utf8')) as Json;
  for (const source of doc.sourceDescriptions) source.url = join(CONTRACT_DIR, source.url);
  const workflow = doc.workflows.find((w: Json) => w.workflowId === WORKFLOW);
  const step = workflow.steps.find((s: Json) => s.stepId === BROKEN_STEP);
  expect(step.successCriteria[0].condition).toBe('$statusCode == 401');
  step.successCriteria[0].condition = '$statusCode == 200';
  // Both files run against one server with the same run id: the copy registers another user.
  const signUp = workflow.steps[0].parameters.find((p: Json) => p.name === 'username');
  signUp.value = `broken_${signUp.value}`;
  const file = join(tmp, 'broken.arazzo.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}

async function runJourneys(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/journeys.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

function flatten(steps: ExecutedStep[]): ExecutedStep[] {
  return steps.flatMap((s) => (s.type === 'workflow' ? [s, ...flatten(s.executedSteps ?? [])] : [s]));
}

describe('pnpm journeys', () => {
  it('passes the contract journeys and fails a copy at the step whose expected status is wrong', async () => {
    const broken = brokenCopy();
    const report = join(tmp, 'report.json');
    const { code, output } = await runJourneys([JOURNEYS, broken, '-w', WORKFLOW, '-J', report]);

    expect(code, output).not.toBe(0);
    const files = (JSON.parse(readFileSync(report, 'utf8')) as Json).files as Record<string, Json>;
    const stepsOf = (file: string) => {
      const entry = Object.entries(files).find(([name]) => file.endsWith(name.replace(/^\.\//, '')));
      if (!entry) throw new Error(`no results for ${file} in ${Object.keys(files).join(', ')}`);
      const [workflow] = entry[1].executedWorkflows as { workflowId: string; executedSteps: ExecutedStep[] }[];
      expect(workflow?.workflowId).toBe(WORKFLOW);
      return flatten(workflow?.executedSteps ?? []);
    };

    const original = stepsOf(JOURNEYS);
    expect(original.length).toBeGreaterThan(5);
    expect(original.filter((s) => s.status !== 'success').map((s) => s.stepId)).toEqual([]);

    const copy = stepsOf(broken);
    const failed = copy.filter((s) => s.status !== 'success').map((s) => s.stepId);
    expect(failed).toEqual([BROKEN_STEP]);
    // The steps before it ran and passed; the workflow stopped at the failure.
    expect(copy.map((s) => s.stepId)).toEqual(
      original.slice(0, original.findIndex((s) => s.stepId === BROKEN_STEP) + 1).map((s) => s.stepId),
    );
  }, 180_000);
});
