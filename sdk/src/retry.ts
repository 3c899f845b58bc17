// Retries with exponential backoff and jitter, wrapped around the fetch that
// openapi-fetch calls. (An openapi-fetch middleware cannot re-run the chain,
// so replaying belongs to the transport.) Only replayable requests are
// retried: safe methods, and requests carrying an Idempotency-Key (the SDK
// adds one to createOrder). Network errors become ConnectionError.
import { ConnectionError, StorefrontError } from './errors.js';
import { REQUEST_ID_HEADER, IDEMPOTENCY_HEADER } from './headers.js';
import type { FetchLike } from './timeout.js';

export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries: number;
  /** First backoff delay; doubles per retry. Default 500 ms. */
  initialDelayMs: number;
  /** Cap of the backoff delay. Default 8 s. */
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error surfaces instead. Default 60 s. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isReplayable(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has(IDEMPOTENCY_HEADER);
}

export function withRetries(fetch: FetchLike, policy: RetryPolicy): FetchLike {
  return async (request) => {
    const replayable = policy.maxRetries > 0 && isReplayable(request);
    for (let attempt = 0; ; attempt += 1) {
      // A body can be read once: each attempt sends a fresh copy.
      const sent = replayable && request.body ? request.clone() : request;
      let response: Response | undefined;
      let failure: StorefrontError | undefined;
      try {
        response = await fetch(sent);
      } catch (err) {
        if (request.signal.aborted) throw err; // the caller cancelled: not ours to retry
        failure = err instanceof StorefrontError ? err : new ConnectionError(`${request.method} ${request.url} failed: ${describe(err)}`, requestIdOf(request), { cause: err });
      }
      const retry = replayable && attempt < policy.maxRetries && (failure !== undefined || RETRYABLE_STATUSES.has(response?.status ?? 0));
      const wait = retry ? delayFor(attempt, response?.headers.get('retry-after') ?? null, policy) : undefined;
      if (wait === undefined) {
        if (failure) throw failure;
        return response as Response;
      }
      await response?.body?.cancel();
      await sleep(wait, request.signal);
    }
  };
}

/** Retry-After (seconds or HTTP date) when given, else exponential backoff with up to 25% jitter. */
export function delayFor(attempt: number, retryAfter: string | null, policy: RetryPolicy): number | undefined {
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (Number.isFinite(ms)) return ms > policy.maxRetryAfterMs ? undefined : Math.max(0, ms);
  }
  const backoff = Math.min(policy.initialDelayMs * 2 ** attempt, policy.maxDelayMs);
  return backoff * (1 - Math.random() * 0.25);
}

/** Waits, unless the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) return void setTimeout(resolve, ms);
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      signal.removeEventListener('abort', abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', abort, { once: true });
  });
}

function requestIdOf(request: Request): string | undefined {
  return request.headers.get(REQUEST_ID_HEADER) ?? undefined;
}

function describe(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return err instanceof Error ? `${err.message}${cause}` : String(err);
}
