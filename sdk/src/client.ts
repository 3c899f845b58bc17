// Layer 1: the openapi-fetch client typed by the contract's `paths`, with the
// transport (timeout per attempt, retries) under it and middleware for the
// request id, the idempotency key and auth on top.
import createOpenApiClient, { type Client } from 'openapi-fetch';
import { createAuth, memoryTokenStore, type AuthController, type TokenStore } from './auth.js';
import type { paths } from './generated/openapi.js';
import { idempotencyMiddleware, requestIdMiddleware } from './headers.js';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';
import { withTimeout, type FetchLike } from './timeout.js';

export interface ClientOptions {
  /** The API root including the version prefix, e.g. `https://shop.example.com/api/v1`. */
  baseUrl: string;
  /** Where tokens live. Default: in memory. */
  tokenStore?: TokenStore;
  /** Per attempt, until the response headers arrive. Default 60 s; 0 disables. */
  timeoutMs?: number;
  /** Retries for 429/502/503/504 and network errors on replayable requests. Default 2; 0 disables. */
  maxRetries?: number;
  /** Fine-tuning of the backoff. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Replaces globalThis.fetch (tests, proxies, instrumentation). */
  fetch?: FetchLike;
}

export type StorefrontClient = Client<paths>;

export interface ClientParts {
  client: StorefrontClient;
  auth: AuthController;
  tokenStore: TokenStore;
}

/** Builds the typed client and the auth controller that shares its token store. */
export function buildClient(options: ClientOptions): ClientParts {
  const tokenStore = options.tokenStore ?? memoryTokenStore();
  // Resolved per call, so a fetch patched after creation is still used.
  const baseFetch: FetchLike = (request) => (options.fetch ?? globalThis.fetch)(request);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry, ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }) };
  const transport = withRetries(withTimeout(baseFetch, options.timeoutMs ?? 60_000), policy);
  const client = createOpenApiClient<paths>({ baseUrl: options.baseUrl, fetch: transport, ...(options.headers && { headers: options.headers }) });
  const auth = createAuth(tokenStore, (refresh_token) => client.POST('/auth/refresh', { body: { refresh_token } }));
  client.use(requestIdMiddleware, idempotencyMiddleware, auth.middleware);
  return { client, auth, tokenStore };
}

/** The raw typed client: `client.GET('/products/{product_id}', { params: { path: { product_id: 1 } } })`. */
export function createClient(options: ClientOptions): StorefrontClient {
  return buildClient(options).client;
}
