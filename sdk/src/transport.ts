// The fetch that openapi-fetch calls: attempts with their own timeout,
// retries with backoff, and the hooks, all bounded by the call's deadline.
// (An openapi-fetch middleware cannot re-run the chain, so replaying belongs
// here.) Only replayable requests are retried: safe methods, and requests
// carrying an Idempotency-Key (the SDK adds one to createOrder). Whatever
// goes wrong becomes a StorefrontError.
import { type CallContext, type CallSettings, abortFailure, contextOf } from './context.js';
import { ConnectionError, StorefrontError, TimeoutError } from './errors.js';
import { IDEMPOTENCY_HEADER, REQUEST_ID_HEADER } from './headers.js';
import type { Hooks } from './hooks.js';
import { type RetryPolicy, delayFor, sleep } from './retry.js';

export type FetchLike = (request: Request) => Promise<Response>;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isReplayable(request: Request): boolean {
  return SAFE_METHODS.has(request.method) || request.headers.has(IDEMPOTENCY_HEADER);
}

export function createTransport(
  fetch: FetchLike,
  defaults: CallSettings,
  policy: Omit<RetryPolicy, 'maxRetries'>,
  hooks: Required<Hooks>,
): FetchLike {
  return async (request) => {
    const context: Partial<CallContext> = contextOf(request) ?? defaults;
    const { maxRetries = defaults.maxRetries, attemptTimeoutMs = defaults.attemptTimeoutMs } = context;
    const deadline = context.deadline ?? Number.POSITIVE_INFINITY;
    const requestId = request.headers.get(REQUEST_ID_HEADER) ?? context.requestId ?? '';
    const replayable = maxRetries > 0 && isReplayable(request);
    const cancelled = () => abortFailure(request.signal, requestId, `${request.method} ${request.url}`);

    for (let attempt = 0; ; attempt += 1) {
      // A body can be read once: each attempt sends a fresh copy.
      const sent = replayable && request.body ? request.clone() : request;
      const budget = Math.min(
        attemptTimeoutMs > 0 ? attemptTimeoutMs : Number.POSITIVE_INFINITY,
        deadline - Date.now(),
      );
      const event = { request: sent, attempt, requestId };
      hooks.onRequest(event);
      const started = Date.now();
      let response: Response | undefined;
      let failure: StorefrontError | undefined;
      try {
        response = await attemptWithTimeout(fetch, sent, budget, attemptTimeoutMs, requestId);
        hooks.onResponse({ ...event, response, durationMs: Date.now() - started });
      } catch (err) {
        failure = request.signal.aborted
          ? cancelled()
          : err instanceof StorefrontError
            ? err
            : new ConnectionError(`${request.method} ${request.url} failed: ${describe(err)}`, requestId, {
                cause: err,
              });
        hooks.onError({ ...event, error: failure, durationMs: Date.now() - started });
        if (request.signal.aborted) throw failure;
      }
      const retry =
        replayable && attempt < maxRetries && (failure !== undefined || RETRYABLE_STATUSES.has(response?.status ?? 0));
      const wait = retry ? delayFor(attempt, response?.headers.get('retry-after') ?? null, policy) : undefined;
      // No retry, or none that could finish before the deadline: the last outcome stands.
      if (wait === undefined || Date.now() + wait >= deadline) {
        if (failure) throw failure;
        return response as Response;
      }
      hooks.onRetry({
        ...event,
        delayMs: wait,
        reason: failure
          ? failure instanceof TimeoutError
            ? 'attempt timeout'
            : 'network error'
          : `status ${response?.status}`,
        ...(response && { response }),
        ...(failure && { error: failure }),
      });
      await response?.body?.cancel();
      await sleep(wait, request.signal).catch(() => {
        throw cancelled();
      });
    }
  };
}

/**
 * One attempt, given up after `budget` ms (a TimeoutError) or when the request's
 * own signal aborts. Raced as well as aborted, so a fetch that ignores its signal
 * (some polyfills and test doubles do) cannot hold the call past its deadline.
 */
async function attemptWithTimeout(
  fetch: FetchLike,
  request: Request,
  budget: number,
  attemptTimeoutMs: number,
  requestId: string,
): Promise<Response> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const forward = () => controller.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward, { once: true });
  const timedOut = new Promise<never>((_, reject) => {
    if (!Number.isFinite(budget)) return;
    timer = setTimeout(
      () => {
        const error = new TimeoutError(
          `No response from ${request.method} ${request.url} within ${Math.round(Math.min(budget, attemptTimeoutMs || budget))} ms`,
          requestId,
        );
        controller.abort(error);
        reject(error);
      },
      Math.max(0, budget),
    );
  });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([fetch(new Request(request, { signal: controller.signal })), timedOut, aborted]);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
  }
}

function describe(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return err instanceof Error ? `${err.message}${cause}` : String(err);
}
