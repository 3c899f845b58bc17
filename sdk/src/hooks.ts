// Observability: hooks called for every attempt that goes over the wire
// (openapi-fetch middleware sees one request and one response per call, even
// when the transport sent three), and a logger fed from the same events.
// Both see the request id, the attempt number and, for a retry, why and after
// how long.

export interface AttemptEvent {
  /** The request as sent on this attempt (read its method, url and headers; do not consume its body). */
  request: Request;
  /** 0 for the first attempt, 1 for the first retry, ... */
  attempt: number;
  /** The X-Request-Id, the same on every attempt of one call. */
  requestId: string;
}

export interface ResponseEvent extends AttemptEvent {
  /** Do not consume the body; clone it if you need to read it. */
  response: Response;
  /** From sending the request to the response headers. */
  durationMs: number;
}

export interface RetryEvent extends AttemptEvent {
  /** How long the SDK waits before the next attempt. */
  delayMs: number;
  /** `status 503`, `network error`, `attempt timeout` ... */
  reason: string;
  /** The answer that is retried, when there was one. */
  response?: Response;
  /** The failure that is retried, when there was no answer. */
  error?: Error;
}

export interface FailureEvent extends AttemptEvent {
  error: Error;
  durationMs: number;
}

export interface Hooks {
  onRequest?(event: AttemptEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
  /** The attempt got no answer (network error, timeout, cancellation). */
  onError?(event: FailureEvent): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';
export type Logger = Pick<Console, 'debug' | 'info' | 'warn' | 'error'>;

const LEVELS: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** Calls the hooks and logs the same events; a throwing hook is logged, never breaks the request. */
export function createObserver(
  hooks: Hooks = {},
  logger: Logger = console,
  logLevel: LogLevel = 'off',
): Required<Hooks> {
  const log = (level: Exclude<LogLevel, 'off'>, message: string, requestId: string) => {
    if (LEVELS[level] >= LEVELS[logLevel]) logger[level](`[storefront] ${message} (request ${requestId})`);
  };
  const safely = <E extends AttemptEvent>(hook: ((event: E) => void) | undefined, event: E) => {
    try {
      hook?.(event);
    } catch (err) {
      logger.error('[storefront] a hook threw', err);
    }
  };
  const target = (e: AttemptEvent) => `${e.request.method} ${e.request.url}`;
  return {
    onRequest(e) {
      log('debug', `→ ${target(e)}${e.attempt ? ` (retry ${e.attempt})` : ''}`, e.requestId);
      safely(hooks.onRequest, e);
    },
    onResponse(e) {
      log(
        e.response.status >= 500 ? 'warn' : 'debug',
        `← ${e.response.status} ${target(e)} in ${Math.round(e.durationMs)} ms`,
        e.requestId,
      );
      safely(hooks.onResponse, e);
    },
    onRetry(e) {
      log('info', `retrying ${target(e)} in ${Math.round(e.delayMs)} ms: ${e.reason}`, e.requestId);
      safely(hooks.onRetry, e);
    },
    onError(e) {
      log('warn', `✗ ${target(e)}: ${e.error.message}`, e.requestId);
      safely(hooks.onError, e);
    },
  };
}
