// What one facade call tells the transport under openapi-fetch: its deadline,
// its retry and attempt settings, and the signal that ends it. openapi-fetch
// copies unknown fetch-init keys onto the Request it builds, so the context
// rides on the Request itself; requests without one (the raw client) get the
// client's defaults.
import { AbortError, StorefrontError, TimeoutError } from './errors.js';

export interface CallSettings {
  /** Overall budget of the call in ms (every attempt, backoff and token refresh); 0 = none. */
  timeoutMs: number;
  /** One attempt, until the response headers arrive; 0 = none. */
  attemptTimeoutMs: number;
  maxRetries: number;
}

export interface CallContext extends CallSettings {
  requestId: string;
  /** Epoch ms after which nothing new starts (Infinity without timeoutMs). */
  deadline: number;
  /** Aborted by the caller's signal (reason: AbortError) or the deadline (reason: TimeoutError). */
  signal: AbortSignal;
}

export const CONTEXT_KEY = 'storefrontCall';

export function contextOf(request: Request): CallContext | undefined {
  return (request as Request & { [CONTEXT_KEY]?: CallContext })[CONTEXT_KEY];
}

export function withContext<R extends Request>(request: R, context: CallContext | undefined): R {
  if (context) Object.defineProperty(request, CONTEXT_KEY, { value: context, configurable: true });
  return request;
}

/** Starts the call's clock; `dispose` stops it. */
export function startContext(
  settings: CallSettings,
  requestId: string,
  callerSignal: AbortSignal | undefined,
  what: string,
): CallContext & { dispose(): void } {
  const controller = new AbortController();
  const deadline = settings.timeoutMs > 0 ? Date.now() + settings.timeoutMs : Number.POSITIVE_INFINITY;
  const timer =
    settings.timeoutMs > 0
      ? setTimeout(
          () =>
            controller.abort(new TimeoutError(`${what} did not complete within ${settings.timeoutMs} ms`, requestId)),
          settings.timeoutMs,
        )
      : undefined;
  const forward = () => controller.abort(abortError(callerSignal?.reason, requestId, what));
  if (callerSignal?.aborted) forward();
  else callerSignal?.addEventListener('abort', forward, { once: true });
  return {
    ...settings,
    requestId,
    deadline,
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forward);
    },
  };
}

export function abortError(reason: unknown, requestId: string | undefined, what: string): AbortError {
  return new AbortError(`${what} was cancelled`, requestId, reason);
}

/** The SDK error an aborted signal stands for. */
export function abortFailure(signal: AbortSignal, requestId: string | undefined, what: string): StorefrontError {
  return signal.reason instanceof StorefrontError ? signal.reason : abortError(signal.reason, requestId, what);
}

/** Rejects when the signal aborts (with the SDK error it stands for). */
export function whenAborted(signal: AbortSignal, what: string, requestId: string): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(abortFailure(signal, requestId, what));
    else signal.addEventListener('abort', () => reject(abortFailure(signal, requestId, what)), { once: true });
  });
}
