// Every failure the SDK throws is a StorefrontError. Non-2xx answers become
// one ApiError subclass per status class, parsed from the problem+json body;
// network failures and timeouts have their own types. Each carries the
// request id, so a support ticket can name the exact request.
import type { components } from './generated/openapi.js';

export type Problem = components['schemas']['Problem'];
export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = NonNullable<Problem['errors']>[number];

export class StorefrontError extends Error {
  override name = 'StorefrontError';
}

export class ApiError extends StorefrontError {
  override name = 'ApiError';
  readonly status: number;
  /** The stable machine-readable code, e.g. `EMAIL_EXISTS`; undefined when the body was not problem+json. */
  readonly code: ErrorCode | undefined;
  readonly detail: string | undefined;
  /** For 422: one entry per invalid field. Empty otherwise. */
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly headers: Headers;
  /** The parsed body, when it was a problem document. */
  readonly problem: Problem | undefined;

  constructor(status: number, body: unknown, headers: Headers, requestId?: string) {
    const problem = isProblem(body) ? body : undefined;
    super(problem ? `${status} ${problem.code}: ${problem.detail}` : `HTTP ${status}${typeof body === 'string' && body ? `: ${body.slice(0, 200)}` : ''}`);
    this.status = status;
    this.problem = problem;
    this.code = problem?.code;
    this.detail = problem?.detail;
    this.errors = problem?.errors ?? [];
    this.headers = headers;
    this.requestId = headers.get('x-request-id') || problem?.request_id || requestId;
  }

  /** Builds the subclass that matches the status. */
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
export class ValidationError extends ApiError {
  override name = 'ValidationError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds the server asked us to wait (`Retry-After`), when it said. */
  get retryAfter(): number | undefined {
    const value = Number(this.headers.get('retry-after'));
    return Number.isFinite(value) && this.headers.has('retry-after') ? value : undefined;
  }
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

/** The request never got an HTTP answer (DNS, refused connection, reset). */
export class ConnectionError extends StorefrontError {
  override name = 'ConnectionError';
  constructor(
    message: string,
    readonly requestId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No answer within the timeout (per attempt), or `createAndWait` gave up. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

type ApiErrorClass = new (status: number, body: unknown, headers: Headers, requestId?: string) => ApiError;

const byStatus: Record<number, ApiErrorClass> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  412: PreconditionFailedError,
  422: ValidationError,
  429: RateLimitError,
};

function classFor(status: number): ApiErrorClass {
  return byStatus[status] ?? (status >= 500 ? InternalServerError : ApiError);
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string' && typeof (body as Problem).status === 'number';
}
