// Builds dist/ as published: ESM (dist/esm) and CommonJS (dist/cjs) from the
// same sources with tsc, each with declarations and source maps, then makes
// both self-contained:
// - dist/cjs/package.json says "type": "commonjs", so Node and TypeScript
//   read its .js and .d.ts files as CommonJS (the package itself is ESM);
// - the contract's generated types are copied in as contract.d.ts and every
//   declaration that names the workspace package @storefront/contract (which
//   a consumer never installs) points at that copy instead;
// - LICENSE comes from the repository root.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('../', import.meta.url));
const dist = join(pkg, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const generated = fileURLToPath(new URL('../../openapi/generated/openapi.d.ts', import.meta.url));

rmSync(dist, { recursive: true, force: true });
for (const project of ['tsconfig.build.json', 'tsconfig.cjs.json']) {
  execFileSync(process.execPath, [tsc, '-p', join(pkg, project)], { stdio: 'inherit' });
}
writeFileSync(join(dist, 'cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

for (const format of ['esm', 'cjs']) {
  const root = join(dist, format);
  copyFileSync(generated, join(root, 'contract.d.ts'));
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.d.ts')) continue;
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    let target = relative(dirname(path), join(root, 'contract.js'));
    if (!target.startsWith('.')) target = `./${target}`;
    const inlined = text.replace(/(["'])@storefront\/contract\/types\1/g, `$1${target}$1`);
    if (inlined !== text) writeFileSync(path, inlined);
  }
}
copyFileSync(fileURLToPath(new URL('../../LICENSE', import.meta.url)), join(pkg, 'LICENSE'));
