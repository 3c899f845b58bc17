// What every operator command is: its words, its options (node's
// util.parseArgs), and a run function that gets the open database and prints
// through `io`, so tests run commands in process and capture the output.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/connect.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** All of standard input (for secrets that must not appear in the process list). */
  readStdin(): Promise<string>;
}

export interface CommandContext {
  config: Config;
  database: DatabaseHandle;
  io: CliIo;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface Command {
  /** The command's words, e.g. `orders stats`. */
  name: string;
  /** Arguments and options, for the help text. */
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** Positional arguments it takes, exactly. */
  positionals?: number;
  /** Runs on a database that may have pending migrations (the migrate commands). */
  anySchema?: boolean;
  /** Needs no database at all. */
  noDatabase?: boolean;
  run(ctx: CommandContext): Promise<void>;
}

/**
 * A mistake in how the command was called: exit code 2 and the usage. Any
 * other error (unknown user, the last admin, the database down) is exit code 1
 * with its message.
 */
export class UsageError extends Error {}
