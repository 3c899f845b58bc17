// Middleware that stamps headers on outgoing requests. The request id is
// chosen by the client so that it is known even when no answer arrives
// (ConnectionError carries it) and stays the same across retries, so the
// server's log lines for one logical call share it.
import type { Middleware } from 'openapi-fetch';
import { randomId } from './ids.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export const requestIdMiddleware: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has(REQUEST_ID_HEADER)) request.headers.set(REQUEST_ID_HEADER, randomId());
    return request;
  },
};

/** createOrder is the one unsafe operation the server deduplicates; give it a key so retries are safe. */
export const idempotencyMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    if (request.method === 'POST' && schemaPath === '/orders' && !request.headers.has(IDEMPOTENCY_HEADER)) {
      request.headers.set(IDEMPOTENCY_HEADER, randomId());
    }
    return request;
  },
};
