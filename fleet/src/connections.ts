// The connection budget as the kernel sees it: for each process of the fleet,
// its established TCP connections to PgBouncer and to Postgres (its sockets
// in /proc/<pid>/fd matched with /proc/net/tcp). Exact per process, which
// pg_stat_activity is not behind a transaction pooler (a server connection
// there carries the name of whichever client used it last).
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const ESTABLISHED = '01';

/** Socket inodes of a process. */
function socketsOf(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`, { encoding: 'utf8' });
      const match = /^socket:\[(\d+)\]$/.exec(link);
      if (match) inodes.add(match[1]!);
    }
  } catch {
    // the process is gone
  }
  return inodes;
}

/** Established IPv4 connections by socket inode: the remote port. */
function remotePorts(): Map<string, number> {
  const ports = new Map<string, number>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const cells = line.trim().split(/\s+/);
    const [remote, state, inode] = [cells[2], cells[3], cells[9]];
    if (!remote || state !== ESTABLISHED || !inode) continue;
    ports.set(inode, Number.parseInt(remote.split(':')[1]!, 16));
  }
  return ports;
}

/** For each named process, how many connections it holds to each named port. */
export function connectionsByProcess(
  processes: Record<string, number | undefined>,
  targets: Record<string, number>,
): Record<string, Record<string, number>> {
  const remote = remotePorts();
  const result: Record<string, Record<string, number>> = {};
  for (const [name, pid] of Object.entries(processes)) {
    if (pid === undefined) continue;
    const counts: Record<string, number> = Object.fromEntries(Object.keys(targets).map((t) => [t, 0]));
    for (const inode of socketsOf(pid)) {
      const port = remote.get(inode);
      for (const [target, targetPort] of Object.entries(targets)) if (port === targetPort) counts[target]!++;
    }
    result[name] = counts;
  }
  return result;
}
