// `pnpm gen`: writes the files generated from the contract. `--check` writes
// nothing and exits 1 when a committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '@storefront/contract/generate';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const { file, render } of generatedFiles) {
  const fresh = await render();
  const path = fileURLToPath(file);
  if (!check) await writeFile(path, fresh);
  else if ((await readFile(path, 'utf8').catch(() => '')) !== fresh) stale.push(path);
}
if (stale.length > 0) {
  console.error(`Stale generated files: ${stale.join(', ')}. Run \`pnpm gen\`.`);
  process.exit(1);
}
const names = generatedFiles.map(({ file }) => fileURLToPath(file)).join(', ');
console.log(check ? 'Generated files are fresh.' : `Wrote ${names}`);
