// Lays the rendered files out as Biome would (the repository's biome.json),
// so they read like the code beside them. Generated folders are excluded from
// Biome's checks, so each file goes through stdin under the path it would
// have one folder up.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** `path`: from the repository root, e.g. `sdk/src/generated/resources.ts`. */
export function formatGenerated(path: string, code: string): string {
  const outside = path.replace('/generated/', '/');
  return execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${outside}`], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
}
