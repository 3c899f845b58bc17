// Turns an openapi-fetch call into what the facade returns: the data (with
// its request id) on 2xx, a typed ApiError otherwise, and `withResponse()`
// for the raw Response.
import { ApiError } from './errors.js';
import type { ConditionalOptions, Result } from './types.js';

export interface WithResponse<T> {
  data: T;
  response: Response;
  requestId: string;
}

/** A Promise of the data with one extra method, `withResponse()`. The request starts at once. */
export class ApiPromise<T> implements Promise<T> {
  readonly #raw: Promise<WithResponse<T>>;
  readonly [Symbol.toStringTag] = 'ApiPromise';

  constructor(raw: Promise<WithResponse<T>>) {
    this.#raw = raw;
  }

  /** The data together with the raw Response and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#raw;
  }

  then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#raw.then((r) => r.data).then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export function call<T>(pending: Promise<FetchResult>): ApiPromise<Result<T>> {
  return new ApiPromise(
    pending.then(({ data, error, response }) => {
      const requestId = response.headers.get('x-request-id') ?? '';
      if (!response.ok) throw ApiError.from(response, error);
      const value = typeof data === 'object' && data !== null ? data : {};
      Object.defineProperty(value, 'requestId', { value: requestId, enumerable: false });
      return { data: value as Result<T>, response, requestId };
    }),
  );
}

/** The per-call options as openapi-fetch's fetch init. */
export function init(options: ConditionalOptions | undefined): { signal?: AbortSignal; headers?: Record<string, string> } {
  const headers = options?.ifMatch === undefined ? options?.headers : { ...options.headers, 'If-Match': options.ifMatch };
  return { ...(options?.signal && { signal: options.signal }), ...(headers && { headers }) };
}
