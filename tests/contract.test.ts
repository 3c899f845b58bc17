import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedTypeFiles, renderTypes } from '../scripts/generate-types.js';
import { buildTestApp, type TestApp } from './helpers/app.js';
import { allOperations } from './helpers/contract.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the contract', () => {
  it('has fresh generated types in the server and the SDK (run `pnpm gen` if this fails)', async () => {
    const fresh = await renderTypes();
    for (const file of generatedTypeFiles) {
      expect(await readFile(new URL(`../${file}`, import.meta.url), 'utf8'), file).toBe(fresh);
    }
  });

  it('routes every operation to a handler under /api/v1', async () => {
    expect(allOperations.length).toBe(27);
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
      expect(Object.keys(responses).some((s) => s.startsWith('2')), operationId).toBe(true);
    }
  });
});
