// `pnpm gen:env`: writes .env.example from the config schema, so the example
// lists every variable with its default and meaning and can never drift (a
// test compares the file with this rendering).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../server/src/config.schema.js';

export const envExamplePath = fileURLToPath(new URL('../.env.example', import.meta.url));

export function renderEnvExample(): string {
  const lines = [
    '# storefront configuration: copy to .env and uncomment what you change.',
    '# `.env` is read at start when present; variables already in the environment win.',
    '# Generated from server/src/config.schema.ts by `pnpm gen:env`; edit the schema, not this file.',
  ];
  for (const [name, schema] of Object.entries(configSchema.properties)) {
    const { default: def, description } = schema as { default?: unknown; description?: string };
    lines.push('', `# ${description ?? ''}`, `# ${name}=${def === undefined ? '' : String(def)}`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(envExamplePath, renderEnvExample());
  console.log(`Wrote ${envExamplePath}`);
}
