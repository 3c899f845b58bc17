// Type-checks every package with TypeScript's native compiler (TypeScript 7,
// installed as `typescript-native`): about 15 s for the eight projects where
// TypeScript 6's `tsc` took about 47 s on two cores, which is most of what the
// static checks of `pnpm test` cost. TypeScript 6 stays the compiler of the
// builds and of openapi-typescript, which needs its JavaScript API (TypeScript
// 7 has none); both read the same tsconfig files.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECTS = ['openapi', 'server', 'sdk', '.', 'react', 'examples/react-shop', 'tests', 'bench', 'fleet'];
const tsc = fileURLToPath(new URL('../node_modules/typescript-native/bin/tsc', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

let failed = 0;
for (const project of PROJECTS) {
  const { status } = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`typecheck: ${project} failed`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
