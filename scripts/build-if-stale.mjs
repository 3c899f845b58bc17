// `pnpm start` / `pnpm worker` run this first: it runs `pnpm build` when the
// compiled server or the docs page is missing or older than what they are
// built from, so the README's first command works on a fresh clone and after
// a `git pull`. Plain JavaScript because it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outputs = ['server/dist/server.js', 'server/dist/worker.js', 'server/dist/docs/index.html'];
const sources = [
  'server/src',
  'server/package.json',
  'server/tsconfig.json',
  'server/tsconfig.build.json',
  'openapi/openapi.yaml',
  'scripts/build-docs.ts',
  'scripts/code-samples.ts',
];

/** Newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function oldestOutput() {
  let oldest = Number.POSITIVE_INFINITY;
  for (const output of outputs) {
    try {
      oldest = Math.min(oldest, statSync(join(root, output)).mtimeMs);
    } catch {
      return 0; // missing
    }
  }
  return oldest;
}

const built = oldestOutput();
if (built === 0 || sources.some((source) => newest(join(root, source)) > built)) {
  console.error(
    built === 0 ? 'No build yet: running pnpm build' : 'Sources changed since the last build: running pnpm build',
  );
  // npm_execpath is the pnpm running this script (the README runs it through npx).
  const pnpm = process.env.npm_execpath ?? 'pnpm';
  const result = spawnSync(pnpm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
