// The embedded database's directory belongs to one process: another live
// process's lock is refused with a message naming it, a dead process's lock
// is taken over, and handles in one process share the lock until the last
// one is released.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../../server/src/db/data-dir-lock.js';

describe('the embedded database directory lock', () => {
  let dir: string;
  let other: ChildProcess | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sf-lock-'));
  });
  afterEach(async () => {
    other?.kill('SIGKILL');
    other = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  const lockFile = () => join(dir, 'storefront.lock');

  it('writes our pid and removes the lock when released', async () => {
    const release = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('refuses a directory another live process holds, naming it', async () => {
    other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await writeFile(lockFile(), String(other.pid));
    const err = await lockDataDir(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirInUseError);
    expect((err as Error).message).toContain(`process ${other.pid}`);
    expect((err as Error).message).toContain('DATABASE_URL');
    expect(await readFile(lockFile(), 'utf8')).toBe(String(other.pid)); // untouched
  });

  it('takes over the lock of a process that no longer exists', async () => {
    other = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const pid = other.pid;
    await new Promise((resolve) => other?.on('exit', resolve));
    await writeFile(lockFile(), String(pid));
    const release = await lockDataDir(dir);
    expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    await release();
  });

  it('is shared by handles of one process until the last is released', async () => {
    const first = await lockDataDir(dir);
    const second = await lockDataDir(dir);
    await first();
    expect(existsSync(lockFile())).toBe(true);
    await second();
    expect(existsSync(lockFile())).toBe(false);
  });
});
