// Every process the drill starts carries FLEET_RUN=<run id> in its
// environment, and so do their own children (Postgres's backends, which
// pg_ctl starts in a session of their own). Finding them by that mark, and
// only by it, lets cleanup and the reaper stop exactly what this run started,
// even processes whose pid the drill never saw.
import { readdirSync, readFileSync, rmSync } from 'node:fs';

export const RUN_MARK = 'FLEET_RUN';

/** Pids of live processes whose environment carries this run's mark. */
export function processesOfRun(runId: string): number[] {
  const mark = `${RUN_MARK}=${runId}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').includes(mark)) pids.push(pid);
    } catch {
      // exited meanwhile, or not ours to read
    }
  }
  return pids;
}

/** SIGKILL to every process of the run, then the workspace goes. */
export function sweep(runId: string, workspaceDir: string): number {
  const pids = processesOfRun(runId);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  rmSync(workspaceDir, { recursive: true, force: true });
  return pids.length;
}
