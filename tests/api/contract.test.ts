import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixtures.js';
import { generatedFiles } from '@storefront/contract/generate';
import { allOperations } from '../helpers/contract.js';

const test = appTest();

describe('the contract', () => {
  test('has fresh generated files (run `pnpm gen` if this fails)', async () => {
    for (const { file, render } of generatedFiles) {
      expect(await readFile(file, 'utf8'), file.pathname).toBe(await render());
    }
  });

  test('routes every operation to a handler under /api/v1', async ({ app }) => {
    // The inventory is the contract's: an operation added there is routed-checked here with no count to update.
    expect(allOperations.length).toBeGreaterThan(0);
    expect(new Set(allOperations.map((o) => o.operationId)).size).toBe(allOperations.length);
    for (const op of allOperations) {
      const url = `/api/v1${op.path.replace(/\{[^}]+\}/g, '1')}`;
      const res = await app.inject({ method: op.method as 'GET', url });
      const body = res.body ? JSON.parse(res.body) : {};
      expect(body.detail ?? '', `${op.operationId} ${op.method} ${url}`).not.toMatch(/^No route/);
    }
  });

  test('declares a description, summary, tag, examples and problem+json errors for every operation', () => {
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
