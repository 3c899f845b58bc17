// `pnpm check:breaking` (run by .ci/run): fails when the contract breaks
// clients of the last released contract without a new major version; see
// breaking-gate.ts. `--root DIR` checks another checkout (the gate's test).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBreaking } from './breaking-gate.js';

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const root = values.root ?? fileURLToPath(new URL('../', import.meta.url));
const result = await checkBreaking(root);
for (const line of result.lines) (result.ok ? console.log : console.error)(line);
process.exit(result.ok ? 0 : 1);
