// The breaking-change gate (run by .ci/run): compares contract/openapi.yaml
// with its version at the last git tag, or at the previous commit when there
// is no tag, and fails when a change can break clients unless the major
// number of info.version went up.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dereferenceSource } from '@storefront/contract/load';
import { breakingChanges, majorOf } from './contract-diff.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

function baseRef(): string | undefined {
  try {
    return git('describe', '--tags', '--abbrev=0');
  } catch {
    try {
      return git('rev-parse', '--verify', 'HEAD~1');
    } catch {
      return undefined;
    }
  }
}

const ref = baseRef();
const current = readFileSync(`${root}contract/openapi.yaml`, 'utf8');
// Where the contract lived at that commit: contract/ now, openapi/ before the move.
const earlierPaths = ['contract/openapi.yaml', 'openapi/openapi.yaml'];
let previous: string | undefined;
for (const path of ref ? earlierPaths : []) {
  try {
    previous = git('show', `${ref}:${path}`);
    break;
  } catch {
    // the contract did not exist at that path at that commit
  }
}
if (!previous) {
  console.log('Breaking-change check: no earlier contract to compare with.');
  process.exit(0);
}
const [oldDoc, newDoc] = await Promise.all([dereferenceSource(previous), dereferenceSource(current)]);
const changes = breakingChanges(oldDoc, newDoc);
const [oldMajor, newMajor] = [majorOf(oldDoc.info.version), majorOf(newDoc.info.version)];
if (changes.length === 0) {
  console.log(`Breaking-change check against ${ref!.slice(0, 12)}: no breaking changes.`);
} else if (newMajor > oldMajor) {
  console.log(
    `Breaking-change check: ${changes.length} breaking change(s), allowed by the major version bump ${oldDoc.info.version} -> ${newDoc.info.version}:`,
  );
  for (const c of changes) console.log(`  - ${c}`);
} else {
  console.error(
    `Breaking-change check against ${ref!.slice(0, 12)} FAILED: ${changes.length} breaking change(s) without a major version bump (info.version ${newDoc.info.version}):`,
  );
  for (const c of changes) console.error(`  - ${c}`);
  process.exit(1);
}
