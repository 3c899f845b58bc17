// The backoff policy: exponential with jitter, or the server's Retry-After.

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

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Retry-After (seconds or HTTP date) when given, else exponential backoff with up to 25% jitter. */
export function delayFor(
  attempt: number,
  retryAfter: string | null,
  policy: Omit<RetryPolicy, 'maxRetries'>,
): number | undefined {
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
