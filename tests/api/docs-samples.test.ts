// The code samples in the docs are generated from the contract; this proves
// they work: every SDK sample type-checks against the SDK's source, and every
// curl sample, run against a live server, gets the status its operation
// documents for its example.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { operationsOf } from '@storefront/contract/load';
import { contractWithSamples } from '../../scripts/build-docs.js';
import { allOperations } from '../helpers/contract.js';
import { appTest } from '../helpers/fixtures.js';

const test = appTest();

const run = promisify(execFile);
type Sample = { lang: string; label: string; source: string };
const samples = operationsOf(await contractWithSamples()).map(({ operationId, op }) => ({
  operationId,
  samples: op['x-codeSamples'] as Sample[],
}));

describe('generated code samples', () => {
  it('include curl and @storefront/sdk for every operation', () => {
    expect(samples.map((s) => s.operationId)).toEqual(allOperations.map((o) => o.operationId));
    for (const s of samples)
      expect(
        s.samples.map((x) => x.label),
        s.operationId,
      ).toEqual(['curl', '@storefront/sdk']);
  });

  it('type-check against the SDK', { timeout: 120_000 }, async () => {
    const dir = new URL('../../.artifacts/samples/', import.meta.url).pathname;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const s of samples) {
      const source = s.samples[1]!.source.replace("'@storefront/sdk'", "'../../sdk/src/index.js'");
      writeFileSync(`${dir}${s.operationId}.ts`, `${source}\nexport {};\n`);
    }
    writeFileSync(
      `${dir}tsconfig.json`,
      JSON.stringify({
        extends: '../../tsconfig.base.json',
        compilerOptions: {
          types: [],
          lib: ['ES2022', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          target: 'ES2022',
        },
        include: ['*.ts'],
      }),
    );
    const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    const result = await run(tsc, ['-p', dir]).then(
      () => '',
      (err: { stdout: string }) => err.stdout,
    );
    expect(result).toBe('');
  });

  describe('curl samples against a live server', () => {
    test('answer without a server error, and public reads succeed', { timeout: 60_000 }, async ({ admin, origin }) => {
      for (const s of samples) {
        const curl = s.samples[0]!.source.replaceAll('http://127.0.0.1:3000', origin)
          .replaceAll('$ACCESS_TOKEN', admin.token)
          .replace(/^curl /, "curl -s -o /dev/null -w '%{http_code}' ");
        const { stdout } = await run('bash', ['-c', curl]);
        const status = Number(stdout);
        expect(status, `${s.operationId}: ${curl}`).toBeGreaterThanOrEqual(200);
        expect(status, `${s.operationId}: ${curl}`).toBeLessThan(500);
        if (['getHealth', 'listProducts', 'registerUser'].includes(s.operationId))
          expect(status, s.operationId).toBeLessThan(300);
      }
    });
  });
});
