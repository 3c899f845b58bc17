// A per-attempt deadline on the time to the response headers. The caller's
// own AbortSignal still works; only our deadline becomes a TimeoutError.
import { TimeoutError } from './errors.js';
import { REQUEST_ID_HEADER } from './headers.js';

export type FetchLike = (request: Request) => Promise<Response>;

export function withTimeout(fetch: FetchLike, timeoutMs: number): FetchLike {
  if (!(timeoutMs > 0 && Number.isFinite(timeoutMs))) return fetch;
  return async (request) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(request.signal.reason);
    if (request.signal.aborted) forward();
    else request.signal.addEventListener('abort', forward, { once: true });
    try {
      return await fetch(new Request(request, { signal: controller.signal }));
    } catch (err) {
      if (timedOut) {
        throw new TimeoutError(`No response from ${request.method} ${request.url} within ${timeoutMs} ms`, request.headers.get(REQUEST_ID_HEADER) ?? undefined, { cause: err });
      }
      throw err;
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', forward);
    }
  };
}
