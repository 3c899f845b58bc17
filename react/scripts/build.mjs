// Builds dist/ as published, the way @storefront/sdk does: ESM (dist/esm)
// and CommonJS (dist/cjs) from the same sources with tsc, each with
// declarations and source maps; dist/cjs/package.json says "type":
// "commonjs" so Node and TypeScript read that half as CommonJS; LICENSE
// comes from the repository root. Needs the SDK built first (its types).
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../', import.meta.url));
const dist = join(pkg, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(dist, { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(pkg, project)], { stdio: 'inherit' });
}
writeFileSync(join(dist, 'cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
copyFileSync(fileURLToPath(new URL('../../LICENSE', import.meta.url)), join(pkg, 'LICENSE'));
