// Reports the SDK's size as shipped to a browser: minified + gzipped bundles
// of its own code (openapi-fetch and standardwebhooks external) and of
// everything (them included), and the same for @storefront/react's own code (its peers react
// and @tanstack/react-query, and the SDK, external). `--budget` exits 1 when
// either package's own code passes its budget.
// Run: npx tsx scripts/sdk-size.ts [--budget]
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// esbuild comes with tsx (a root dev dependency); borrow it rather than add another.
const require = createRequire(fileURLToPath(import.meta.resolve('tsx')));
const esbuild = require('esbuild') as typeof import('esbuild');

// Raised from 6 kB when hooks, the overall deadline, the refresh lock and the
// localStorage store came in (6.1 kB then); the headroom is for the contract growing.
const OWN_CODE_BUDGET_BYTES = 8 * 1024;
// Raised from 3 kB when the nine webhook operations brought their hooks (3.2 kB then),
// and from 3.5 kB when the hooks came to be generated from the contract (3.6 kB then:
// the key shapes and the contract's invalidation table are now data for every write).
const REACT_BUDGET_BYTES = 3.75 * 1024;

async function bundle(external: string[], pkg = 'sdk'): Promise<{ minified: number; gzipped: number }> {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`../${pkg}/src/index.ts`, import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    jsx: 'automatic',
    absWorkingDir: fileURLToPath(new URL(`../${pkg}/`, import.meta.url)),
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const own = await bundle(['openapi-fetch', 'standardwebhooks']);
const all = await bundle([]);
console.log(`@storefront/sdk own code:        ${kb(own.minified)} min, ${kb(own.gzipped)} min+gzip`);
console.log(`with openapi-fetch (all runtime): ${kb(all.minified)} min, ${kb(all.gzipped)} min+gzip`);
console.log(`budget for own code:              ${kb(OWN_CODE_BUDGET_BYTES)} min+gzip`);
const react = await bundle(['react', 'react/*', '@tanstack/react-query', '@storefront/sdk'], 'react');
console.log(`@storefront/react own code:      ${kb(react.minified)} min, ${kb(react.gzipped)} min+gzip`);
console.log(`budget for React own code:       ${kb(REACT_BUDGET_BYTES)} min+gzip`);
if (process.argv.includes('--budget')) {
  if (own.gzipped > OWN_CODE_BUDGET_BYTES)
    console.error(`SDK over budget by ${kb(own.gzipped - OWN_CODE_BUDGET_BYTES)}`);
  if (react.gzipped > REACT_BUDGET_BYTES)
    console.error(`React over budget by ${kb(react.gzipped - REACT_BUDGET_BYTES)}`);
  if (own.gzipped > OWN_CODE_BUDGET_BYTES || react.gzipped > REACT_BUDGET_BYTES) process.exit(1);
}
