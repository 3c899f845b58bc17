// Public API of @storefront/sdk.
export { createStorefront, operationMethods, type Storefront } from './storefront.js';
export { createClient, type ClientOptions, type StorefrontClient } from './client.js';
export { memoryTokenStore, type TokenStore, type Tokens, type TokenPair } from './auth.js';
export { ApiPromise, type WithResponse } from './call.js';
export { PageIterator, type Page } from './pagination.js';
export type { RetryPolicy } from './retry.js';
export type { CreateOrderOptions, WaitOptions } from './resources/orders.js';
export type { Body, ConditionalOptions, Data, Item, OperationId, PathParams, Query, RequestOptions, Result } from './types.js';
export type { paths, components, operations } from './generated/openapi.js';
export {
  StorefrontError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  PreconditionFailedError,
  ValidationError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  type Problem,
  type ErrorCode,
  type FieldError,
} from './errors.js';
