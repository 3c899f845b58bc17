import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedFiles } from '@storefront/contract/generate';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { allOperations } from '../helpers/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the contract', () => {
  it('has fresh generated files (run `pnpm gen` if this fails)', async () => {
    for (const { file, render } of generatedFiles) {
      expect(await readFile(file, 'utf8'), file.pathname).toBe(await render());
    }
  });

  it('routes every operation to a handler under /api/v1', async () => {
    expect(allOperations.length).toBe(38);
    for (const op of allOperations) {
      const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, '1')}`;
      const res = await t.app.inject({ method: op.method as 'GET', url });
      const body = res.body ? JSON.parse(res.body) : {};
      expect(body.detail ?? '', `${op.operationId} ${op.method} ${url}`).not.toMatch(/^No route/);
    }
  });

  it('declares a description, summary, tag, examples and problem+json errors for every operation', () => {
    for (const { operationId, op } of allOperations) {
      expect(op.summary, operationId).toBeTruthy();
      expect(op.description, operationId).toBeTruthy();
      expect(op.tags, operationId).toHaveLength(1);
      const responses = op.responses as Record<string, unknown>;
      expect(
        Object.keys(responses).some((s) => s.startsWith('2')),
        operationId,
      ).toBe(true);
    }
  });
});
