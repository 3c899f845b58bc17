// A run's workspace: a temporary directory for data, sockets, configs and
// logs, the run id every child carries (sweep.ts), who runs Postgres and
// PgBouncer, and the reaper that cleans up if the drill itself is killed.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunAs } from './children.js';
import { RUN_MARK, sweep } from './sweep.js';

export interface Workspace {
  runId: string;
  dir: string;
  /** A subdirectory (created), owned by `runAs` when set. */
  subdir(name: string, forRunAs?: boolean): string;
  runAs: RunAs | undefined;
  /** The environment every child starts from: PATH, HOME and the run mark. */
  baseEnv: Record<string, string>;
  /** Stops the reaper, kills anything of this run still alive, removes the directory. */
  remove(): number;
}

/** Postgres and PgBouncer refuse to run as root: as root, they run as `postgres`. */
function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export function createWorkspace(): Workspace {
  const runId = randomBytes(6).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'storefront-fleet-'));
  chmodSync(dir, 0o755); // the postgres user reaches its subdirectories
  const runAs = postgresUser();
  const reaper = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./reaper.ts', import.meta.url)), String(process.pid), runId, dir],
    { detached: true, stdio: 'ignore', cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  reaper.unref();
  return {
    runId,
    dir,
    runAs,
    baseEnv: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', [RUN_MARK]: runId },
    subdir(name, forRunAs = false) {
      const path = join(dir, name);
      mkdirSync(path, { recursive: true });
      if (forRunAs && runAs) chownSync(path, runAs.uid, runAs.gid);
      return path;
    },
    remove() {
      try {
        if (reaper.pid) process.kill(reaper.pid, 'SIGTERM');
      } catch {
        // the reaper is gone already
      }
      return sweep(runId, dir);
    },
  };
}
