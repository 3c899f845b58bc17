// Records a release of the contract: copies openapi/openapi.yaml to
// openapi/released/openapi.yaml, the baseline that `pnpm check:breaking`
// compares with from then on. Refuses a version that is not newer than the
// one last released, and a breaking change without a new major version.
// Usage: npx tsx scripts/release.ts [--root DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { CONTRACT_PATH, checkBreaking, RELEASED_PATH } from './breaking-gate.js';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? fileURLToPath(new URL('../', import.meta.url));

const source = readFileSync(join(root, CONTRACT_PATH), 'utf8');
const version = (parse(source) as { info?: { version?: string } }).info?.version;
if (!version) throw new Error(`${CONTRACT_PATH}: no info.version`);

const gate = await checkBreaking(root).catch(() => undefined);
if (gate?.releasedVersion !== undefined) {
  if (!gate.ok) {
    for (const line of gate.lines) console.error(line);
    process.exit(1);
  }
  if (!isNewer(version, gate.releasedVersion)) {
    console.error(`Release refused: info.version ${version} is not newer than the released ${gate.releasedVersion}.`);
    process.exit(1);
  }
}

const header = `# The contract as released in version ${version}: the baseline of \`pnpm check:breaking\`.\n# Written by scripts/release.ts from ${CONTRACT_PATH}; never edited by hand.\n`;
mkdirSync(dirname(join(root, RELEASED_PATH)), { recursive: true });
writeFileSync(join(root, RELEASED_PATH), header + source);
console.log(`Recorded ${RELEASED_PATH} (${version}). Commit it with the release, and tag the commit v${version}.`);

function isNewer(a: string, b: string): boolean {
  const parts = (v: string) => v.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
}
