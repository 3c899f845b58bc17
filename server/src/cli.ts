#!/usr/bin/env node
// `storefront <command>`: the operator CLI (cli/run.ts lists the commands).
// The package's bin, so `node dist/cli.js` in a production install and
// `pnpm storefront` in a checkout. On the embedded database, stop the server
// first: its data directory belongs to one process at a time.
import { createInterface } from 'node:readline';
import { runCli } from './cli/run.js';
import { loadConfigOrExit } from './config.js';
import { connectDatabase } from './db/connect.js';

const config = loadConfigOrExit();

async function readStdin(): Promise<string> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) lines.push(line);
  return lines.join('\n');
}

process.exitCode = await runCli(process.argv.slice(2), {
  config,
  openDatabase: () => connectDatabase(config),
  io: { out: (line) => console.log(line), err: (line) => console.error(line), readStdin },
});
