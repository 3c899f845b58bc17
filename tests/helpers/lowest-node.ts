// The lowest Node a published package claims (`engines.node`, ">=X[.Y[.Z]]"),
// to run its tarball on: the npm registry's `node` package ships the binary.
// TEST_LOWEST_NODE names it when it is already installed (.ci/run's
// step_packages_lowest_node does that); otherwise it is installed once into
// the temporary directory.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NodeBinary {
  version: string;
  path: string;
}

/** "X.Y.Z" from an engines range of the form ">=X[.Y[.Z]]" (the only form our packages use). */
export function lowestVersionOf(range: string): string {
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`engines.node "${range}" is not of the form ">=X.Y.Z"`);
  return `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}`;
}

async function versionOf(path: string): Promise<string | undefined> {
  try {
    return (await run(path, ['--version'])).stdout.trim().replace(/^v/, '');
  } catch {
    return undefined;
  }
}

export async function lowestNode(packageJson: string): Promise<NodeBinary> {
  const { engines } = JSON.parse(await readFile(packageJson, 'utf8')) as { engines?: { node?: string } };
  if (!engines?.node) throw new Error(`${packageJson} declares no engines.node`);
  const version = lowestVersionOf(engines.node);
  const given = process.env.TEST_LOWEST_NODE;
  if (given) {
    const found = await versionOf(given);
    if (found !== version) throw new Error(`TEST_LOWEST_NODE is Node ${found ?? '(not runnable)'}, not ${version}`);
    return { version, path: given };
  }
  const prefix = join(tmpdir(), `storefront-node-${version}`);
  const path = join(prefix, 'node_modules/node/bin/node');
  if ((await versionOf(path)) !== version) {
    await run('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `node@${version}`], {
      timeout: 300_000,
    });
  }
  const installed = await versionOf(path);
  if (installed !== version) throw new Error(`node@${version} from the registry runs as ${installed}`);
  return { version, path };
}
