// Generates the TypeScript types of the contract for the server and the SDK.
// `pnpm gen` writes them; `--check` exits 1 when a committed copy is stale
// (the test suite runs the check so nobody can forget to regenerate).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const contract = new URL('openapi/openapi.yaml', root);
export const generatedTypeFiles = ['server/src/generated/openapi.ts', 'sdk/src/generated/openapi.ts'];

const header = `// GENERATED FILE: do not edit. Run \`pnpm gen\` after changing openapi/openapi.yaml.\n\n`;

export async function renderTypes(): Promise<string> {
  const ast = await openapiTS(contract, { alphabetize: false, immutable: false });
  return header + astToString(ast);
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const fresh = await renderTypes();
  const stale: string[] = [];
  for (const file of generatedTypeFiles) {
    const path = fileURLToPath(new URL(file, root));
    if (check) {
      const current = await readFile(path, 'utf8').catch(() => '');
      if (current !== fresh) stale.push(file);
    } else {
      await writeFile(path, fresh);
    }
  }
  if (stale.length > 0) {
    console.error(`Stale generated types: ${stale.join(', ')}. Run \`pnpm gen\`.`);
    process.exit(1);
  }
  console.log(check ? 'Generated types are fresh.' : `Wrote ${generatedTypeFiles.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
