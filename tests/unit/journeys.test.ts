// Rules for the Arazzo journey files that neither redocly lint nor a green
// `pnpm journeys` run would catch: a step that states no expected status
// passes on any declared answer, and an operationId that no longer exists
// only fails when that step runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Json = Record<string, any>;
const read = (name: string) => parse(readFileSync(new URL(`../../openapi/${name}`, import.meta.url), 'utf8')) as Json;
const contract = read('openapi.yaml');
const operationIds = new Set(
  Object.values<Json>(contract.paths).flatMap((item) =>
    Object.values<Json>(item)
      .map((op) => op.operationId)
      .filter(Boolean),
  ),
);

describe.each(['storefront.arazzo.yaml', 'storefront-shared.arazzo.yaml'])('%s', (name) => {
  const doc = read(name);
  const steps = (doc.workflows as Json[]).flatMap((w) =>
    (w.steps as Json[]).map((step): Json => ({ ...step, at: `${w.workflowId}.${step.stepId}` })),
  );
  const calls = steps.filter((s) => s.operationId);

  it('calls only operations the contract has', () => {
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((s) => !operationIds.has(s.operationId)).map((s) => `${s.at}: ${s.operationId}`)).toEqual([]);
  });

  it('states the expected status and at least one more criterion on every call', () => {
    const vague = calls.filter((s) => {
      const conditions = ((s.successCriteria ?? []) as Json[]).map((c) => String(c.condition));
      const statusStated = conditions.some((c) => /^\$statusCode == \d{3}$/.test(c));
      // A 204 has no body to check; the status is all there is.
      return !statusStated || (conditions.length < 2 && !conditions.includes('$statusCode == 204'));
    });
    expect(vague.map((s) => s.at)).toEqual([]);
  });

  it('gives every step an id of its own in the file', () => {
    // redocly lint's outputs-defined rule looks steps up by id across all the
    // file's workflows, so a repeated id makes it check the wrong step.
    const ids = steps.map((s) => s.stepId as string);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
