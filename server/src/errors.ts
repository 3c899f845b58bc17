// The one error type of the API. Handlers throw AppError; the error handler
// (http/error-handler.ts) turns it, and everything else, into problem+json.
import type { components } from '@storefront/contract/types';

export type ErrorCode = components['schemas']['ErrorCode'];
export type FieldError = { path: string; message: string };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  417: 'Expectation Failed',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 422,
  BAD_REQUEST: 400,
  AUTHENTICATION_ERROR: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_REVOKED: 401,
  AUTHORIZATION_ERROR: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  EMAIL_EXISTS: 409,
  USERNAME_EXISTS: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.status = STATUS[code];
  }
}

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Error';
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = () => new AppError('AUTHORIZATION_ERROR', 'You do not have access to this resource');
/** The contract's bounds on a Problem body, which hold whatever the input (see `boundedProblem`). */
export const PROBLEM_LIMITS = { errors: 100, path: 200, message: 300, detail: 1000 } as const;

export const validationError = (errors: FieldError[]) => {
  const n = errors.length;
  const listed = n > PROBLEM_LIMITS.errors ? `; the first ${PROBLEM_LIMITS.errors} are listed` : '';
  return new AppError('VALIDATION_ERROR', `The request has ${n} invalid field${n === 1 ? '' : 's'}${listed}`, errors);
};

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Detail and field errors cut to the contract's bounds: input can make them arbitrarily long (a 1 MiB body, a 1000-character field name). */
export function boundedProblem(error: AppError): { detail: string; errors?: FieldError[] } {
  return {
    detail: clip(error.detail, PROBLEM_LIMITS.detail),
    ...(error.errors && {
      errors: error.errors.slice(0, PROBLEM_LIMITS.errors).map((e) => ({
        path: clip(e.path, PROBLEM_LIMITS.path),
        message: clip(e.message, PROBLEM_LIMITS.message),
      })),
    }),
  };
}

/**
 * The problem+json document of an error: the one builder every writer uses
 * (the error handler, and the answers written straight to the socket before
 * Fastify has a request). `status` differs from the code's only for those
 * socket answers (408, 417, 431 share BAD_REQUEST's code).
 */
export function problemDocument(error: AppError, requestId: string, status = error.status) {
  return {
    type: `https://storefront.dev/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: titleFor(status),
    status,
    code: error.code,
    request_id: requestId,
    ...boundedProblem(error),
  };
}
