// The Node the project runs on is named in four places that must agree: the
// pinned devDependency pnpm runs every script with (node24), the version pnpm
// checks engines against (pnpm-workspace.yaml's nodeVersion), .nvmrc for
// those who bring their own Node, and the engines of the packages that run on
// it. The published SDK and React claim their own range (tests/packages runs
// them on its lowest version).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lowestVersionOf } from '../helpers/lowest-node.js';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const manifest = (dir: string) =>
  JSON.parse(read(`${dir}/package.json`)) as {
    engines?: { node?: string };
    devDependencies?: Record<string, string>;
  };

const pinned = /^npm:node@(\d+\.\d+\.\d+)$/.exec(manifest('.').devDependencies?.node24 ?? '')?.[1];
const major = pinned?.split('.')[0];

describe("the project's Node", () => {
  it('is pinned to an exact version of the registry’s node package', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the version pnpm checks engines against and the one .nvmrc names', () => {
    expect(String(parse(read('pnpm-workspace.yaml')).nodeVersion)).toBe(pinned);
    expect(read('.nvmrc').trim()).toBe(pinned);
  });

  it.for(['.', 'server', 'openapi', 'bench', 'examples/react-shop'])('is what %s requires', (dir) => {
    expect(manifest(dir).engines?.node).toBe(`>=${major}`);
  });

  it('or a later one runs this test, whatever Node the machine has (pnpm puts the pinned one first on PATH)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(Number(major));
  });
});

describe('the published packages', () => {
  it.for(['sdk', 'react'])('%s claims a range that starts at or below the project’s Node', (dir) => {
    const lowest = lowestVersionOf(manifest(dir).engines?.node ?? '');
    expect(Number(lowest.split('.')[0])).toBeLessThanOrEqual(Number(major));
  });
});
