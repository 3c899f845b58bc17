// Runs operator CLI commands in process (server/src/cli/run.ts) on a test
// database, capturing what they print and their exit code.
import type { Config } from '../../server/src/config.js';
import type { DatabaseHandle } from '../../server/src/db/connect.js';
import { runCli } from '../../server/src/cli/run.js';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export function cliRunner(config: Config, database: DatabaseHandle) {
  return async (argv: string[], stdin = ''): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      config,
      // The test owns the database: the command's close() must not end it.
      openDatabase: async () => ({ ...database, close: async () => {} }),
      io: { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
