// The operator CLI's dispatcher: finds the command by its words, parses its
// options with node's util.parseArgs (strict: an unknown option is an error),
// opens the database, runs it, and turns the outcome into an exit code:
// 0 done, 1 failed (the message says why), 2 called wrongly (with the usage).
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';
import { migrationStatus } from '../db/migrate.js';
import { type CliIo, type Command, UsageError } from './command.js';
import { migrateCommands } from './migrate.commands.js';
import { orderCommands } from './orders.commands.js';
import { userCommands } from './users.commands.js';
import { webhookCommands } from './webhooks.commands.js';

export const COMMANDS: readonly Command[] = [...migrateCommands, ...userCommands, ...orderCommands, ...webhookCommands];

export interface CliDeps {
  io: CliIo;
  config: Config;
  /** Opens the database; the CLI closes it when the command ends. */
  openDatabase(): Promise<DatabaseHandle>;
}

function help(): string {
  return [
    'Usage: storefront <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${[c.name, c.usage].filter(Boolean).join(' ')}\n      ${c.summary}`),
    '',
    'Reads the same configuration as the server (DATABASE_URL, DATA_DIR, .env, ...).',
  ].join('\n');
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(help());
    return argv.length === 0 ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === argv.slice(0, 2).join(' '));
  if (!command) {
    io.err(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${help()}`);
    return 2;
  }
  let database: DatabaseHandle | undefined;
  try {
    const { values, positionals } = parseArgsOf(command, argv.slice(2));
    if (!command.noDatabase) {
      database = await deps.openDatabase();
      if (!command.anySchema) await requireLatestSchema(database);
    }
    await command.run({ config: deps.config, database: database as DatabaseHandle, io, values, positionals });
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nUsage: storefront ${command.name} ${command.usage}`);
      return 2;
    }
    io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await database?.close();
  }
}

function parseArgsOf(command: Command, args: string[]) {
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    if (parsed.positionals.length !== (command.positionals ?? 0)) {
      throw new UsageError(
        command.positionals
          ? `Expected ${command.positionals} argument${command.positionals === 1 ? '' : 's'}`
          : `Unexpected argument: ${parsed.positionals[0]}`,
      );
    }
    return parsed;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message); // parseArgs's own (unknown option, missing value)
  }
}

/** Commands other than migrate's need the schema they were written for. */
async function requireLatestSchema(database: DatabaseHandle): Promise<void> {
  const pending = (await migrationStatus(database.db)).filter((m) => !m.executedAt);
  if (pending.length > 0)
    throw new Error(`The database has ${pending.length} pending migration(s): run \`storefront migrate up\` first.`);
}
