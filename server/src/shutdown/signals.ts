// When the process stops, and how: one graceful shutdown per process, started
// by the first SIGTERM or SIGINT (or a crash), bounded by a deadline.
//
// Written by hand because close-with-grace, which did this before, exits at
// once on any second signal. A wrapper that relays a signal (pnpm, a shell,
// an init) delivers a second copy within milliseconds of the one sent to the
// whole process group, and that copy cut every drain short. Here:
// - SIGTERM (any number of times) starts the drain and nothing else: process
//   managers escalate to SIGKILL themselves when their grace period ends.
// - SIGINT within RELAY_WINDOW_MS of the first signal is the relayed copy of a
//   Ctrl-C and is ignored; a SIGINT later than that is a person pressing
//   Ctrl-C again: stop now (exit 1).
// - SIGQUIT (Ctrl-\) at any time: stop now (exit 1).
// - An uncaught exception or unhandled rejection drains too, then exits 1.
export const RELAY_WINDOW_MS = 1_000;

export interface ShutdownLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type ShutdownCause = { signal: NodeJS.Signals } | { err: unknown };

export interface GracefulShutdownOptions {
  /** How long the drain may take in all before the process exits 1 anyway. */
  deadlineMs: number;
  log: ShutdownLog;
  drain: (cause: ShutdownCause) => Promise<void>;
  /** For tests: what ends the process. */
  exit?: (code: number) => void;
  /** For tests: the clock. */
  now?: () => number;
}

export interface GracefulShutdown {
  /** Feeds a signal as the process would (the installed handlers call this). */
  onSignal(signal: NodeJS.Signals): void;
  onError(err: unknown): void;
  /** Removes the process handlers. */
  uninstall(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGQUIT'];

export function decideOnSignal(
  signal: NodeJS.Signals,
  firstAt: number | undefined,
  now: number,
): 'drain' | 'ignore' | 'stop now' {
  if (signal === 'SIGQUIT') return 'stop now';
  if (firstAt === undefined) return 'drain';
  if (signal === 'SIGINT' && now - firstAt >= RELAY_WINDOW_MS) return 'stop now';
  return 'ignore';
}

export function gracefulShutdown(options: GracefulShutdownOptions, install = true): GracefulShutdown {
  const { deadlineMs, log, drain } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const now = options.now ?? Date.now;
  let startedAt: number | undefined;

  function start(cause: ShutdownCause): void {
    startedAt = now();
    const deadline = setTimeout(() => {
      log.error({ deadlineMs }, 'shutdown did not finish in time; exiting');
      exit(1);
    }, deadlineMs);
    deadline.unref();
    drain(cause).then(
      () => exit('err' in cause ? 1 : 0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  }

  const shutdown: GracefulShutdown = {
    onSignal(signal) {
      const decision = decideOnSignal(signal, startedAt, now());
      if (decision === 'drain') start({ signal });
      else if (decision === 'stop now') {
        log.warn({ signal }, 'stopping now, without draining');
        exit(1);
      } else log.info({ signal }, 'already shutting down; signal ignored');
    },
    onError(err) {
      if (startedAt === undefined) start({ err });
      else log.error({ err }, 'error while shutting down');
    },
    uninstall() {
      for (const signal of SIGNALS) process.removeListener(signal, shutdown.onSignal);
      process.removeListener('uncaughtException', shutdown.onError);
      process.removeListener('unhandledRejection', shutdown.onError);
    },
  };
  if (install) {
    for (const signal of SIGNALS) process.on(signal, shutdown.onSignal);
    process.on('uncaughtException', shutdown.onError);
    process.on('unhandledRejection', shutdown.onError);
  }
  return shutdown;
}
