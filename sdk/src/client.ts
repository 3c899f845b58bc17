// Layer 1: the openapi-fetch client typed by the contract's `paths`, with the
// transport (attempt timeouts, retries, hooks) under it and middleware for
// the request id, the idempotency key and auth on top.
import createOpenApiClient, { type Client } from 'openapi-fetch';
import { type AuthController, createAuth } from './auth.js';
import { type Caller, createCaller } from './call.js';
import type { CallSettings } from './context.js';
import type { paths } from './contract.js';
import { idempotencyMiddleware, requestIdMiddleware } from './headers.js';
import { type Hooks, type LogLevel, type Logger, createObserver } from './hooks.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { type TokenStore, memoryTokenStore } from './token-stores.js';
import { type FetchLike, createTransport } from './transport.js';

export interface ClientOptions {
  /** The API root including the version prefix, e.g. `https://shop.example.com/api/v1`. */
  baseUrl: string;
  /** Where tokens live. Default: in memory. */
  tokenStore?: TokenStore;
  /**
   * The most one method call may take, every attempt, backoff and token refresh
   * included (TimeoutError past it). Default 60 s; 0 = no limit. Per call: `{ timeoutMs }`.
   */
  timeoutMs?: number;
  /** The most one attempt waits for the response headers before it is retried or fails. Default 30 s; 0 = no limit. */
  attemptTimeoutMs?: number;
  /** Retries for 429/502/503/504 and network errors on replayable requests. Default 2; 0 disables. */
  maxRetries?: number;
  /** Fine-tuning of the backoff. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Replaces globalThis.fetch (tests, proxies, instrumentation). */
  fetch?: FetchLike;
  /** Called for every attempt: request, response, retry (with its delay and reason), failure. */
  hooks?: Hooks;
  /** Where log lines go. Default `console`. */
  logger?: Logger;
  /** `debug` logs every attempt, `info` adds retries, `warn` failures and 5xx. Default `off`. */
  logLevel?: LogLevel;
}

export type StorefrontClient = Client<paths>;

export interface ClientParts {
  client: StorefrontClient;
  auth: AuthController;
  tokenStore: TokenStore;
  /** Runs one facade call under the client's defaults and the per-call options. */
  call: Caller;
  defaults: CallSettings;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;

/** Builds the typed client and the auth controller that shares its token store. */
export function buildClient(options: ClientOptions): ClientParts {
  const tokenStore = options.tokenStore ?? memoryTokenStore();
  // Resolved per call, so a fetch patched after creation is still used.
  const baseFetch: FetchLike = (request) => (options.fetch ?? globalThis.fetch)(request);
  const defaults: CallSettings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
  };
  const observer = createObserver(options.hooks, options.logger, options.logLevel);
  const transport = createTransport(baseFetch, defaults, { ...DEFAULT_RETRY_POLICY, ...options.retry }, observer);
  const client = createOpenApiClient<paths>({
    baseUrl: options.baseUrl,
    fetch: transport,
    ...(options.headers && { headers: options.headers }),
  });
  const auth = createAuth(tokenStore, (refresh_token) => client.POST('/auth/refresh', { body: { refresh_token } }));
  client.use(requestIdMiddleware, idempotencyMiddleware, auth.middleware);
  return { client, auth, tokenStore, call: createCaller(defaults), defaults };
}

/** The raw typed client: `client.GET('/products/{product_id}', { params: { path: { product_id: 1 } } })`. */
export function createClient(options: ClientOptions): StorefrontClient {
  return buildClient(options).client;
}
