// One place turns every failure into RFC 9457 problem+json with a stable code.
// 5xx details go to the log under the request id, never into the response.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkViolation, isDatabaseUnavailable, isInvalidClientData } from '../db/errors.js';
import { AppError, type FieldError, problemDocument, validationError } from '../errors.js';
import type { AllowedMethods } from './methods.js';

export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath?: string;
  message?: string;
  params: Record<string, unknown>;
  parentSchema?: { description?: string };
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query', params: 'path', headers: 'header', body: 'body' };

/**
 * Of a oneOf/anyOf that failed, only the errors of its closest branch (the
 * one with the fewest): a login with an email and a too-long password is
 * about the password, not also about a missing username and a forbidden email.
 */
function closestBranchOnly(errors: AjvError[]): AjvError[] {
  let kept = errors;
  for (const union of errors) {
    if ((union.keyword !== 'oneOf' && union.keyword !== 'anyOf') || !union.schemaPath) continue;
    const prefix = `${union.schemaPath}/`;
    const branchOf = (e: AjvError) =>
      e.schemaPath?.startsWith(prefix) ? e.schemaPath.slice(prefix.length).split('/')[0] : undefined;
    const counts = new Map<string, number>();
    for (const e of kept) {
      const branch = branchOf(e);
      if (branch !== undefined) counts.set(branch, (counts.get(branch) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    const closest = [...counts].sort((a, b) => a[1] - b[1])[0]?.[0];
    kept = kept.filter((e) => {
      const branch = branchOf(e);
      return branch === undefined || branch === closest;
    });
  }
  return kept;
}

/** Ajv's errors as the problem's field errors (also the operator CLI's messages). */
export function fieldErrors(errors: AjvError[], context: string | undefined): FieldError[] {
  const root = `/${CONTEXT_NAMES[context ?? 'body'] ?? 'body'}`;
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of closestBranchOnly(errors)) {
    let path = root + e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required') {
      path += `/${String(e.params.missingProperty)}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path += `/${String(e.params.additionalProperty)}`;
      message = 'is not allowed';
    } else if (e.keyword === 'pattern' && root === '/body' && e.parentSchema?.description) {
      // The contract describes each body pattern rule (e.g. "must contain a
      // digit"). A parameter's schema carries the parameter's prose
      // description instead, so parameters keep Ajv's "must match pattern".
      message = e.parentSchema.description;
    } else if (e.keyword === 'anyOf' || e.keyword === 'allOf' || e.keyword === 'oneOf') {
      continue; // the failing branches were reported on their own
    }
    const key = `${path} ${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path, message });
    }
  }
  return out.length > 0 ? out : [{ path: root, message: 'is invalid' }];
}

/** The largest request body the server reads (Fastify's `bodyLimit`). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validationContext?: string };
  if (Array.isArray(e?.validation))
    return validationError(fieldErrors(e.validation as AjvError[], e.validationContext));
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${BODY_LIMIT_BYTES} bytes`);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('BAD_REQUEST', 'Body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', 'Body must not be empty when Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('BAD_REQUEST', 'Unsupported Content-Type; send application/json');
  }
  // The one CHECK a valid request can hit: returning stock to a product already near the maximum.
  if (checkViolation(err) === 'products_stock_max')
    return new AppError('CONFLICT', "The product's stock cannot exceed 1000000000 units; nothing was changed");
  if (isInvalidClientData(err))
    return new AppError('BAD_REQUEST', 'The request contains a value that cannot be stored (e.g. a NUL character)');
  if (isDatabaseUnavailable(err)) {
    return new AppError('SERVICE_UNAVAILABLE', 'The database is unavailable', undefined, { 'retry-after': '5' });
  }
  // Other client errors from Fastify or its parsers (bad content length, ...).
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('BAD_REQUEST', 'The request could not be understood');
  }
  return undefined;
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, error: AppError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .type('application/problem+json')
    .send(problemDocument(error, String(req.id)));
}

/**
 * Errors Fastify raises before routing (the `frameworkErrors` option), which
 * it would otherwise answer itself outside the contract: a path parameter
 * longer than the router accepts (414) routes nowhere, so 404; a URL that
 * cannot be decoded is 400.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const error =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('NOT_FOUND', `No route for ${req.method} ${(req.url.split('?')[0] ?? '').slice(0, 200)}`)
      : new AppError('BAD_REQUEST', 'The request URL could not be understood');
  sendProblem(reply, req, error);
}

/** Unknown paths are 404; known paths with a method they do not serve are 405 (OPTIONS: 204), both with `Allow`. */
function notFoundHandler(allowed: AllowedMethods) {
  return (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    const methods = allowed(path);
    if (!methods)
      return sendProblem(reply, req, new AppError('NOT_FOUND', `No route for ${req.method} ${path.slice(0, 200)}`));
    if (req.method === 'OPTIONS')
      return reply
        .code(204)
        .header('allow', [...methods, 'OPTIONS'].sort().join(', '))
        .send();
    reply.header('allow', methods.join(', '));
    return sendProblem(
      reply,
      req,
      new AppError(
        'METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${path.slice(0, 200)}; use ${methods.join(', ')}`,
      ),
    );
  };
}

export function registerErrorHandling(app: FastifyInstance, allowed: AllowedMethods = () => undefined): void {
  app.setErrorHandler((err, req, reply) => {
    const known = toAppError(err);
    if (known && known.status < 500) return sendProblem(reply, req, known);
    req.log.error({ err }, known ? known.detail : 'unhandled error');
    return sendProblem(reply, req, known ?? new AppError('SERVER_ERROR', 'An unexpected error occurred'));
  });
  app.setNotFoundHandler(notFoundHandler(allowed));
}
