// Reports the SDK's size as shipped to a browser: minified + gzipped bundles
// of its own code (openapi-fetch external) and of everything (openapi-fetch
// included). `--budget` exits 1 when the SDK's own code passes its budget.
// Run: npx tsx scripts/sdk-size.ts [--budget]
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// esbuild comes with tsx (a root dev dependency); borrow it rather than add another.
const require = createRequire(fileURLToPath(import.meta.resolve('tsx')));
const esbuild = require('esbuild') as typeof import('esbuild');

const OWN_CODE_BUDGET_BYTES = 6 * 1024;
const entry = fileURLToPath(new URL('../sdk/src/index.ts', import.meta.url));

async function bundle(external: string[]): Promise<{ minified: number; gzipped: number }> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    absWorkingDir: fileURLToPath(new URL('../sdk/', import.meta.url)),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const own = await bundle(['openapi-fetch']);
const all = await bundle([]);
console.log(`@storefront/sdk own code:        ${kb(own.minified)} min, ${kb(own.gzipped)} min+gzip`);
console.log(`with openapi-fetch (all runtime): ${kb(all.minified)} min, ${kb(all.gzipped)} min+gzip`);
console.log(`budget for own code:              ${kb(OWN_CODE_BUDGET_BYTES)} min+gzip`);
if (process.argv.includes('--budget') && own.gzipped > OWN_CODE_BUDGET_BYTES) {
  console.error(`Over budget by ${kb(own.gzipped - OWN_CODE_BUDGET_BYTES)}`);
  process.exit(1);
}
