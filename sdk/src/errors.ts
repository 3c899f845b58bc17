// Every failure the SDK throws is a StorefrontError, so one `instanceof`
// separates "the API call failed" from a bug in the caller's own code.
// Non-2xx answers become one ApiError subclass per status the contract
// declares, parsed from the problem+json body; a 2xx that is not the JSON the
// contract promises, a lost connection, a timeout and a cancellation each
// have their own class. Each carries the request id the SDK sent (or the one
// the server echoed), so a support ticket can name the exact request.
import type { ErrorCode, FieldError, Order, Problem } from './schemas.js';

export class StorefrontError extends Error {
  override name = 'StorefrontError';
  /** The X-Request-Id of the call: the server's echo when there was one, else the id the SDK sent. */
  readonly requestId: string | undefined;
  /**
   * The Idempotency-Key the failed call was sent with (`orders.create`,
   * `orders.createAndWait`, which makes one when you pass none). The order may
   * exist although the call failed (a timeout, a lost connection, an abort):
   * place it again with this key to get that order instead of a second one.
   */
  readonly idempotencyKey: string | undefined;

  constructor(message: string, requestId?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.requestId = requestId || undefined;
    this.idempotencyKey = undefined;
  }
}

/** Records on an SDK error the Idempotency-Key its call was sent with; other errors pass through. */
export function withIdempotencyKey(err: unknown, key: string | undefined): unknown {
  if (key !== undefined && err instanceof StorefrontError && err.idempotencyKey === undefined)
    Object.defineProperty(err, 'idempotencyKey', { value: key, enumerable: true });
  return err;
}

export class ApiError extends StorefrontError {
  override name = 'ApiError';
  readonly status: number;
  /** The stable machine-readable code, e.g. `EMAIL_EXISTS`; undefined when the body was not problem+json. */
  readonly code: ErrorCode | undefined;
  readonly detail: string | undefined;
  /** For 422: one entry per invalid field. Empty otherwise. */
  readonly errors: FieldError[];
  readonly headers: Headers;
  /** The parsed body, when it was a problem document. */
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown, headers: Headers, requestId?: string) {
    const problem = isProblem(body) ? body : undefined;
    super(
      problem
        ? `${status} ${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`
        : `HTTP ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`,
      headers.get('x-request-id') || problem?.request_id || requestId,
    );
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.detail = problem?.detail;
    this.errors = problem?.errors ?? [];
    this.headers = headers;
  }

  /** Builds the subclass that matches the status; `requestId` is the id sent, used when the answer has none. */
  static from(response: Response, body: unknown, requestId?: string): ApiError {
    const Class = classFor(response.status);
    return new Class(response.status, body, response.headers, requestId);
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
export class PreconditionFailedError extends ApiError {
  override name = 'PreconditionFailedError';
}
export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
}
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  get retryAfter(): number | undefined {
    return retryAfterSeconds(this.headers);
  }
}
/** Any 5xx (also a proxy's 502/504). */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}
/** 503: overloaded, shutting down, or the database is unreachable; worth retrying later. */
export class ServiceUnavailableError extends InternalServerError {
  override name = 'ServiceUnavailableError';
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  get retryAfter(): number | undefined {
    return retryAfterSeconds(this.headers);
  }
}

/** A 2xx whose body is not the JSON the contract promises (a captive portal's HTML, a truncated body). */
export class InvalidResponseError extends StorefrontError {
  override name = 'InvalidResponseError';
  readonly status: number;
  readonly headers: Headers;
  /** The start of the body as received, for the bug report. */
  readonly body: string;

  constructor(response: Response, body: string, requestId?: string, options?: { cause?: unknown }) {
    const type = response.headers.get('content-type') ?? 'no content type';
    super(
      `HTTP ${response.status} with a body that is not the expected JSON (${type})`,
      response.headers.get('x-request-id') || requestId,
      options,
    );
    this.status = response.status;
    this.headers = response.headers;
    this.body = body.slice(0, 500);
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset, body cut off). */
export class ConnectionError extends StorefrontError {
  override name = 'ConnectionError';
}

/**
 * The SDK's own deadline passed: `timeoutMs` for the whole call, or `attemptTimeoutMs`
 * for the last attempt. (A DOMException named TimeoutError from your own
 * `AbortSignal.timeout()` is your signal firing: it arrives as AbortError.)
 */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** Your AbortSignal fired. `reason` is the signal's reason. */
export class AbortError extends StorefrontError {
  override name = 'AbortError';
  readonly reason: unknown;

  constructor(message: string, requestId: string | undefined, reason: unknown) {
    super(message, requestId, { cause: reason });
    this.reason = reason;
  }
}

/** `createAndWait` ran out of time while the order was still pending/processing; the order exists. */
export class OrderWaitTimeoutError extends StorefrontError {
  override name = 'OrderWaitTimeoutError';
  /** The last state seen: keep its id to look the order up later. */
  readonly order: Order;

  constructor(message: string, order: Order & { requestId?: string }) {
    super(message, order.requestId);
    this.order = order;
  }
}

/** `createAndWait` was cancelled after the order was placed: it exists and goes on without you. */
export class OrderWaitAbortedError extends AbortError {
  override name = 'OrderWaitAbortedError';
  /** The last state seen. */
  readonly order: Order;

  constructor(message: string, order: Order & { requestId?: string }, reason: unknown) {
    super(message, order.requestId, reason);
    this.order = order;
  }
}

/** Retry-After in seconds, from either of its forms (RFC 9110 §10.2.3): seconds, or an HTTP date. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const header = headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

type ApiErrorClass = new (status: number, body: unknown, headers: Headers, requestId?: string) => ApiError;

/** One class per status the contract declares (a test compares the list with the contract). */
const byStatus: Record<number, ApiErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: PayloadTooLargeError,
  422: ValidationError,
  429: RateLimitError,
  500: InternalServerError,
  503: ServiceUnavailableError,
};

/** The statuses that have their own class (a test compares them with the contract). */
export const ERROR_STATUSES: readonly number[] = Object.keys(byStatus).map(Number);

function classFor(status: number): ApiErrorClass {
  return byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}
