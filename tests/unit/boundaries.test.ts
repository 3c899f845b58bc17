// Imports point one way. Two rules, read from the source with TypeScript's own
// import scanner:
// - Inside the server, no folder of server/src (or file at its top) imports
//   one that imports it back: shared concepts get a home both sides import
//   (identity/ for users, sessions and the principal).
// - No package reaches into another one's files (`../../server/src/...`):
//   across packages, import through the package's name and its `exports`.
//   The root scripts count as a package of their own. tests/ is exempt: it
//   tests the internals of every package on purpose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const serverSrc = join(root, 'server/src');

// Edges that others are still removing; each entry says how it goes. Delete
// an entry when its edge is gone, and the rule covers it again.
const ALLOWED_BACK_EDGES = new Set<string>([]);
const ALLOWED_DEEP_IMPORTS = [
  // The catalogue loader uses the server's database code; the server package
  // has no export for it yet.
  /^scripts\/load-catalogue\.ts -> server\/src\//,
  // .env.example is rendered from the server's config schema, which the server
  // package does not export yet (not exported yet).
  /^scripts\/env-example\.ts -> server\/src\/config\.schema\.js$/,
  // The order-trace printer builds the app from source in process (tsx); the
  // server's exports point at its compiled dist/, which a checkout may not have.
  /^scripts\/trace-order\.ts -> server\/src\//,
];

const SKIP = new Set(['node_modules', 'dist', 'generated', 'tests', '.git', '.artifacts', 'docs-dist']);
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name) || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(m?ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The files a file imports by relative path (static, dynamic and `export … from`). */
function relativeImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name));
}

const workspace = (readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').match(/^ {2}- (.+)$/gm) ?? []).map((l) =>
  l.replace(/^ {2}- /, '').trim(),
);
const packageDirs = workspace.flatMap((entry) =>
  entry.endsWith('/*')
    ? readdirSync(join(root, entry.slice(0, -2))).map((name) => join(root, entry.slice(0, -2), name))
    : [join(root, entry)],
);
/** The package a path belongs to: its directory, or the root for everything else. */
const packageOf = (path: string) => packageDirs.find((dir) => path.startsWith(dir + sep)) ?? root;

describe('import boundaries', () => {
  it('the workspace packages are found', () => {
    expect(packageDirs.map((d) => relative(root, d))).toEqual(expect.arrayContaining(['server', 'sdk', 'openapi']));
  });

  it('no folder of server/src imports a folder that imports it back', () => {
    const area = (path: string) => relative(serverSrc, path).split(sep)[0]!;
    const edges = new Map<string, string[]>();
    for (const file of sourceFiles(serverSrc)) {
      for (const target of relativeImports(file)) {
        if (!target.startsWith(serverSrc + sep)) continue;
        const [from, to] = [area(file), area(target)];
        if (from === to) continue;
        const key = `${from} -> ${to}`;
        edges.set(key, [...(edges.get(key) ?? []), `${relative(root, file)} -> ${relative(root, target)}`]);
      }
    }
    const backEdges: string[] = [];
    for (const [key, files] of edges) {
      const [from, to] = key.split(' -> ') as [string, string];
      if (!edges.has(`${to} -> ${from}`) || ALLOWED_BACK_EDGES.has([from, to].sort().join(' <-> '))) continue;
      backEdges.push(...files);
    }
    expect(edges.size).toBeGreaterThan(10);
    expect(backEdges).toEqual([]);
  });

  it('no package imports another package’s files by path', () => {
    const deep: string[] = [];
    for (const file of sourceFiles(root)) {
      for (const target of relativeImports(file)) {
        if (packageOf(target) === packageOf(file)) continue;
        const edge = `${relative(root, file)} -> ${relative(root, target)}`;
        if (!ALLOWED_DEEP_IMPORTS.some((allowed) => allowed.test(edge))) deep.push(edge);
      }
    }
    expect(deep).toEqual([]);
  });
});
