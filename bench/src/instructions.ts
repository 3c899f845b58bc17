// Instructions retired in user space by a process over a load run, counted by
// `perf stat -e instructions:u -p <pid>`: unlike CPU time, the count barely
// moves with other work on the machine or with frequency scaling, so small
// per-feature differences resolve. perf_event_paranoid=2 allows counting a
// process of our own; a virtual machine without a hardware counter (perf
// prints `<not supported>`) or a missing perf leaves the count out, and the
// report says why.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const EVENT = 'instructions:u';

let probe: Promise<string | undefined> | undefined;
/** Undefined when perf counts instructions here, otherwise why it does not. */
export function instructionsUnavailable(): Promise<string | undefined> {
  probe ??= run('perf', ['stat', '-x,', '-e', EVENT, '--', 'true']).then(
    ({ stderr }) =>
      /^\d+,/m.test(stderr)
        ? undefined
        : `perf stat -e ${EVENT}: ${stderr.trim().split(',')[0] ?? 'no count'} on this machine (no hardware counter in the VM)`,
    (err: { code?: unknown; message?: string }) =>
      err.code === 'ENOENT' ? 'perf is not installed' : `perf stat failed: ${err.message ?? 'unknown error'}`,
  );
  return probe;
}

export interface InstructionCount {
  /** Stops counting; the instructions counted, or undefined when perf gave none. */
  stop(): Promise<number | undefined>;
}

export async function countInstructions(pid: number | undefined): Promise<InstructionCount | undefined> {
  if (!pid || (await instructionsUnavailable())) return undefined;
  const perf: ChildProcess = spawn('perf', ['stat', '-x,', '-e', EVENT, '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  perf.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  // perf attaches within a few ms; the load run that follows lasts seconds.
  await new Promise((r) => setTimeout(r, 50));
  return {
    async stop() {
      if (perf.exitCode !== null) return undefined;
      const exited = new Promise((r) => perf.once('exit', r));
      perf.kill('SIGINT');
      await exited;
      const count = /^(\d+),/m.exec(stderr)?.[1];
      return count === undefined ? undefined : Number(count);
    },
  };
}
