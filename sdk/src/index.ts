// Public API of @storefront/sdk.
export { createStorefront, operationMethods, type Storefront } from './storefront.js';
export { createClient, type ClientOptions, type StorefrontClient } from './client.js';
export {
  memoryTokenStore,
  localStorageTokenStore,
  type TokenStore,
  type Tokens,
  type WebStorageOptions,
} from './token-stores.js';
export { inProcessLock, namedLock, type Lock } from './lock.js';
export {
  ApiPromise,
  type WithResponse,
  type RequestOptions,
  type ConditionalOptions,
  type IdempotentOptions,
} from './call.js';
export type { AttemptEvent, FailureEvent, Hooks, LogLevel, Logger, ResponseEvent, RetryEvent } from './hooks.js';
export { PageIterator, type ListPage } from './pagination.js';
export type { RetryPolicy } from './retry.js';
export type { CreateOrderOptions, WaitOptions } from './resources/orders.js';
export type { Body, Data, Item, OperationId, PathParams, Query, Result } from './types.js';
export type * from './schemas.js';
export type { paths, components, operations, webhooks } from './contract.js';
export { verifyWebhook, WebhookVerificationError, type WebhookHeaders } from './verify-webhook.js';
export {
  StorefrontError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  PayloadTooLargeError,
  ValidationError,
  RateLimitError,
  InternalServerError,
  ServiceUnavailableError,
  InvalidResponseError,
  ConnectionError,
  TimeoutError,
  AbortError,
  OrderWaitTimeoutError,
  OrderWaitAbortedError,
} from './errors.js';
