// `storefront migrate status | up | down | make NAME` over db/migrate.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withSessionDatabase } from '../db/connect.js';
import { makeMigration, migrateDown, migrateToLatest, migrationStatus } from '../db/migrate.js';
import type { Command } from './command.js';

// The source folder of migrations, from src/cli/ or dist/cli/ alike; a
// production install has no sources, so `make` is for a development checkout.
const SOURCE_DIR = fileURLToPath(new URL('../../src/migrations/', import.meta.url));

export const migrateCommands: Command[] = [
  {
    name: 'migrate status',
    usage: '',
    summary: 'list the migrations, applied (with when) or pending',
    anySchema: true,
    async run({ database, io }) {
      const states = await withSessionDatabase(database, migrationStatus);
      for (const m of states)
        io.out(`${m.executedAt ? `applied ${m.executedAt.toISOString()}` : 'pending'.padEnd(32)}  ${m.name}`);
      const pending = states.filter((m) => !m.executedAt).length;
      io.out(pending === 0 ? 'Up to date.' : `${pending} pending: run \`storefront migrate up\`.`);
    },
  },
  {
    name: 'migrate up',
    usage: '',
    summary: 'apply every pending migration (in one transaction)',
    anySchema: true,
    async run({ database, io }) {
      const pending = (await withSessionDatabase(database, migrationStatus)).filter((m) => !m.executedAt);
      if (pending.length === 0) return io.out('Up to date: nothing to apply.');
      io.out(`Applying ${pending.length} migration${pending.length === 1 ? '' : 's'}...`);
      const started = performance.now();
      for (const name of await withSessionDatabase(database, migrateToLatest)) io.out(`  applied ${name}`);
      io.out(`Done in ${Math.round(performance.now() - started)} ms.`);
    },
  },
  {
    name: 'migrate down',
    usage: '',
    summary: 'revert the latest applied migration',
    anySchema: true,
    async run({ database, io }) {
      const reverted = await withSessionDatabase(database, migrateDown);
      if (!reverted) throw new Error('No migration is applied: nothing to revert.');
      io.out(`Reverted ${reverted}.`);
    },
  },
  {
    name: 'migrate make',
    usage: 'NAME [--dir DIR]',
    summary: 'write an empty dated migration and register it (development checkout)',
    positionals: 1,
    noDatabase: true,
    options: { dir: { type: 'string' } },
    async run({ io, values, positionals }) {
      const dir = typeof values.dir === 'string' ? values.dir : SOURCE_DIR;
      if (!existsSync(dir)) throw new Error(`No migrations source folder at ${dir}: make migrations in a checkout.`);
      const file = await makeMigration(dir, positionals[0] ?? '');
      io.out(`Created ${file}`);
    },
  },
];
