// Turns an openapi-fetch call into what the facade returns: an ApiPromise of
// the data (with its request id) on 2xx, a StorefrontError otherwise, and
// `withResponse()` for the raw Response. Each call runs under its own
// context: a request id chosen here, the overall deadline and the caller's
// signal.
import { type CallContext, type CallSettings, CONTEXT_KEY, startContext, whenAborted } from './context.js';
import { ApiError, ConnectionError, InvalidResponseError, StorefrontError, withIdempotencyKey } from './errors.js';
import { REQUEST_ID_HEADER } from './headers.js';
import { randomId } from './ids.js';
import type { Result } from './types.js';

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string;
}

/**
 * A real Promise of the data (`instanceof Promise`, works with `Promise.all`,
 * `await`, `.then`) with one extra method, `withResponse()`. The request
 * starts at once.
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;

  // The base promise settles at once with nothing and is never observed:
  // then/catch/finally read #raw instead. Settling it with the outcome would
  // report an unhandled rejection whenever only withResponse() is awaited.
  constructor(raw: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#raw = raw;
  }

  // Derived promises (from then/catch/finally) are plain Promises.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** The data together with the raw Response and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  // biome-ignore lint/suspicious/noThenProperty: an ApiPromise is a promise
  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#raw.then((r) => r.data).then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

/** Per-call options every facade method accepts. */
export interface RequestOptions {
  /** Cancels the call (every attempt, backoff and refresh): rejects with AbortError. */
  signal?: AbortSignal;
  /** Extra request headers for this call. */
  headers?: Record<string, string>;
  /**
   * The most this call may take, from the method call to the parsed result, in ms:
   * every attempt, every backoff delay and a token refresh included. Past it the
   * call rejects with TimeoutError (createAndWait: OrderWaitTimeoutError). 0 = no limit.
   */
  timeoutMs?: number;
  /** The most one attempt may wait for the response headers before it counts as failed (and is retried if it can be). 0 = no limit. */
  attemptTimeoutMs?: number;
  /** Retries after the first attempt (429/502/503/504 and network errors, replayable requests only). */
  maxRetries?: number;
}

/** `ifMatch`: the ETag of an earlier read; a resource changed since is a 412 PreconditionFailedError. */
export interface ConditionalOptions extends RequestOptions {
  ifMatch?: string;
}

/** For operations the server deduplicates by Idempotency-Key. */
export interface IdempotentOptions extends RequestOptions {
  /** Defaults to a fresh UUID per call; pass your own to deduplicate across process restarts. */
  idempotencyKey?: string;
}

/** What a facade method passes to openapi-fetch: signal, headers, the context, and the body left as text. */
export type FetchInit = {
  signal: AbortSignal;
  headers: Record<string, string>;
  parseAs: 'text';
  [CONTEXT_KEY]: CallContext;
};

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export type Caller = <T>(
  options: (RequestOptions & { ifMatch?: string; idempotencyKey?: string }) | undefined,
  send: (init: FetchInit) => Promise<FetchResult>,
) => ApiPromise<Result<T>>;

/** Binds the client's defaults; the facade calls `call(options, (init) => client.GET(...))`. */
export function createCaller(defaults: CallSettings): Caller {
  return <T>(
    options: (RequestOptions & { ifMatch?: string; idempotencyKey?: string }) | undefined,
    send: (init: FetchInit) => Promise<FetchResult>,
  ) => {
    const headers: Record<string, string> = { ...options?.headers };
    const requestId = headerValue(headers, REQUEST_ID_HEADER) ?? randomId();
    if (headerValue(headers, REQUEST_ID_HEADER) === undefined) headers[REQUEST_ID_HEADER] = requestId;
    if (options?.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
    if (options?.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    const settings: CallSettings = {
      timeoutMs: options?.timeoutMs ?? defaults.timeoutMs,
      attemptTimeoutMs: options?.attemptTimeoutMs ?? defaults.attemptTimeoutMs,
      maxRetries: options?.maxRetries ?? defaults.maxRetries,
    };
    const context = startContext(settings, requestId, options?.signal, 'The call');
    const run = async (): Promise<WithResponse<Result<T>>> => {
      try {
        // The race makes the deadline hard even while a shared token refresh
        // is still running (that refresh goes on: its new tokens must be stored).
        const { data, error, response } = await Promise.race([
          send({ signal: context.signal, headers, parseAs: 'text', [CONTEXT_KEY]: context }),
          whenAborted(context.signal, 'The call', requestId),
        ]);
        if (!response.ok) throw ApiError.from(response, error, requestId);
        const id = response.headers.get('x-request-id') || requestId;
        const value = parseData(data, response, id);
        Object.defineProperty(value, 'requestId', { value: id, enumerable: false });
        return { data: value as Result<T>, response, requestId: id };
      } catch (err) {
        throw withIdempotencyKey(failure(err), options?.idempotencyKey);
      } finally {
        context.dispose();
      }
    };
    /** What a failed attempt throws: SDK errors as they are, the abort's reason, or a ConnectionError. */
    const failure = (err: unknown) => {
      if (err instanceof StorefrontError) return err;
      if (context.signal.aborted) return context.signal.reason;
      // The body could not be read to the end (connection reset mid-body).
      return new ConnectionError(`The response could not be read: ${String(err)}`, requestId, { cause: err });
    };
    return new ApiPromise(run());
  };
}

/** A 2xx body as text: JSON object (or nothing for 204); anything else is an InvalidResponseError. */
function parseData(data: unknown, response: Response, requestId: string): object {
  if (data === undefined || data === '') {
    if (response.status === 204) return {};
    throw new InvalidResponseError(response, '', requestId);
  }
  const text = String(data);
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) throw new InvalidResponseError(response, text, requestId);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InvalidResponseError(response, text, requestId, { cause: err });
  }
  if (typeof value !== 'object' || value === null) throw new InvalidResponseError(response, text, requestId);
  return value;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
