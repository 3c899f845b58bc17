// The embedded database (PGlite) serves one process. A second process opening
// the same directory, say the operator CLI next to a running server, worked
// on its own copy of the pages and its writes were lost (an admin it
// "created" was gone). A lock file naming the owning process makes that an
// error instead. A lock left by a process that no longer exists (a crash,
// SIGKILL) is taken over. Written by hand: PGlite has no such option, and the
// lock libraries on npm (proper-lockfile) use mtime heartbeats that would
// keep a timer running for the life of the server.
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'storefront.lock';
/** Directories this process holds, with how many handles use each. */
const held = new Map<string, number>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (a server, worker or CLI). ` +
        'It serves one process at a time: stop that process first, or set DATABASE_URL to a Postgres database ' +
        `that several processes can share. (If process ${pid} is not ours, delete ${join(dir, LOCK_FILE)}.)`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** Takes the directory for this process, or throws DataDirInUseError; the returned function gives it back. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const count = held.get(dir) ?? 0;
  if (count === 0) await acquire(dir, path);
  held.set(dir, count + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const left = (held.get(dir) ?? 1) - 1;
    if (left > 0) return void held.set(dir, left);
    held.delete(dir);
    await unlink(path).catch(() => undefined);
  };
}

async function acquire(dir: string, path: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    // Our own pid: a lock this process left behind, or (in a container) the
    // previous run's PID 1; either way nobody else holds the directory.
    if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) throw new DataDirInUseError(dir, owner);
    await unlink(path).catch(() => undefined); // stale: take it over
  }
  throw new Error(`Could not take the lock ${path}`);
}
