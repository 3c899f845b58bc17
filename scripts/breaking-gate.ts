// The breaking-change gate's logic: the contract in a checkout against the
// contract as last released, a snapshot committed at openapi/released/
// (written by scripts/release.ts). Never against the previous commit: a
// breaking change followed by any other commit must still fail, until a
// release with a new major version records a new baseline.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dereferenceSource } from '@storefront/contract/load';
import { breakingChanges, majorOf } from './contract-diff.js';

export const CONTRACT_PATH = 'openapi/openapi.yaml';
export const RELEASED_PATH = 'openapi/released/openapi.yaml';

export interface GateResult {
  ok: boolean;
  /** What to print: the verdict and every breaking change found. */
  lines: string[];
  releasedVersion?: string;
  currentVersion?: string;
}

export async function checkBreaking(root: string): Promise<GateResult> {
  const releasedFile = join(root, RELEASED_PATH);
  if (!existsSync(releasedFile))
    return {
      ok: false,
      lines: [
        `Breaking-change check FAILED: no released contract at ${RELEASED_PATH} (record one with scripts/release.ts).`,
      ],
    };
  const [released, current] = await Promise.all([
    dereferenceSource(readFileSync(releasedFile, 'utf8')),
    dereferenceSource(readFileSync(join(root, CONTRACT_PATH), 'utf8')),
  ]);
  const [releasedVersion, currentVersion] = [released.info.version, current.info.version];
  const against = `against the released contract ${releasedVersion}`;
  const changes = breakingChanges(released, current);
  const listed = changes.map((c) => `  - ${c}`);
  if (changes.length === 0)
    return {
      ok: true,
      lines: [`Breaking-change check ${against}: no breaking changes.`],
      releasedVersion,
      currentVersion,
    };
  if (majorOf(currentVersion) > majorOf(releasedVersion))
    return {
      ok: true,
      lines: [
        `Breaking-change check ${against}: ${changes.length} breaking change(s), allowed by the major version bump to ${currentVersion}:`,
        ...listed,
      ],
      releasedVersion,
      currentVersion,
    };
  return {
    ok: false,
    lines: [
      `Breaking-change check ${against} FAILED: ${changes.length} breaking change(s) without a major version bump (info.version ${currentVersion}):`,
      ...listed,
    ],
    releasedVersion,
    currentVersion,
  };
}
