// The drill's watchdog, a process of its own (its own process group, so a
// Ctrl-C or pnpm's SIGKILL of the drill's group does not reach it). When the
// drill ends without cleaning up (killed with SIGKILL, or a crash past its
// handlers) it stops what the run started and removes its workspace.
// Arguments: the drill's pid, the run id, the workspace directory.
import { sweep } from './sweep.js';

const [parent, runId, workspace] = process.argv.slice(2);
if (!parent || !runId || !workspace) throw new Error('usage: reaper <parent pid> <run id> <workspace>');

function parentAlive(): boolean {
  try {
    process.kill(Number(parent), 0);
    return true;
  } catch {
    return false;
  }
}

// A SIGTERM from the drill means it cleaned up itself.
process.on('SIGTERM', () => process.exit(0));
setInterval(() => {
  if (parentAlive()) return;
  const killed = sweep(runId, workspace);
  if (killed > 0) console.error(`fleet reaper: the drill ended without cleaning up; stopped ${killed} processes`);
  process.exit(0);
}, 500);
