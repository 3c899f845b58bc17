// Every failure becomes RFC 9457 problem+json with a stable code: the
// mapping from errors to AppError, and the problem document, on a bare
// Fastify instance with only the error handling registered (no database).
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type ErrorCode, titleFor } from '../../../server/src/errors.js';
import { registerErrorHandling, toAppError } from '../../../server/src/http/error-handler.js';
import { contract } from '../../helpers/contract.js';

const codes = (contract as { components: { schemas: { ErrorCode: { enum: ErrorCode[] } } } }).components.schemas
  .ErrorCode.enum;

describe('AppError', () => {
  it.each(codes)('%s has a 4xx/5xx status with a title', (code) => {
    const error = new AppError(code, 'x');
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(600);
    expect(titleFor(error.status)).not.toBe('Error');
  });
});

describe('toAppError', () => {
  const ajv = (errors: object[], validationContext = 'body') =>
    Object.assign(new Error('invalid'), { validation: errors, validationContext });

  it('passes an AppError through', () => {
    const error = new AppError('CONFLICT', 'taken');
    expect(toAppError(error)).toBe(error);
  });

  it('turns Ajv errors into 422 VALIDATION_ERROR with one entry per field, in the request part they came from', () => {
    const error = toAppError(
      ajv(
        [
          { keyword: 'required', instancePath: '', params: { missingProperty: 'name' } },
          { keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'role' } },
          { keyword: 'type', instancePath: '/price', params: {}, message: 'must be number' },
          { keyword: 'type', instancePath: '/price', params: {}, message: 'must be number' },
          { keyword: 'anyOf', instancePath: '/price', params: {}, message: 'must match a schema in anyOf' },
          {
            keyword: 'pattern',
            instancePath: '/password',
            params: {},
            message: 'must match pattern',
            parentSchema: { description: 'must contain a digit' },
          },
        ],
        'body',
      ),
    );
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_ERROR', detail: 'The request has 4 invalid fields' });
    expect(error?.errors).toEqual([
      { path: '/body/name', message: 'is required' },
      { path: '/body/role', message: 'is not allowed' },
      { path: '/body/price', message: 'must be number' },
      { path: '/body/password', message: 'must contain a digit' },
    ]);
    expect(
      toAppError(ajv([{ keyword: 'maximum', instancePath: '/page_size', params: {} }], 'querystring'))?.errors,
    ).toEqual([{ path: '/query/page_size', message: 'is invalid' }]);
    expect(
      toAppError(ajv([{ keyword: 'type', instancePath: '/product_id', params: {} }], 'params'))?.errors?.[0]?.path,
    ).toBe('/path/product_id');
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'BAD_REQUEST'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'BAD_REQUEST'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 400, 'BAD_REQUEST'],
  ])('maps Fastify %s to %i %s', (code, status, appCode) => {
    expect(toAppError(Object.assign(new Error(code), { code }))).toMatchObject({ status, code: appCode });
  });

  it('maps database errors: unavailable is 503, a value Postgres cannot store is 400', () => {
    expect(toAppError(Object.assign(new Error('x'), { code: '57P01' }))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(toAppError(Object.assign(new Error('x'), { code: '08006' }))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(toAppError(new Error('Connection terminated unexpectedly'))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(toAppError(Object.assign(new Error('x'), { code: '22021' }))?.code).toBe('BAD_REQUEST');
  });

  it('keeps other client errors 4xx and leaves unknown failures to the 500 path', () => {
    expect(toAppError(Object.assign(new Error('x'), { statusCode: 400 }))?.code).toBe('BAD_REQUEST');
    expect(toAppError(new Error('boom'))).toBeUndefined();
    expect(toAppError(Object.assign(new Error('x'), { statusCode: 502 }))).toBeUndefined();
  });
});

describe('the problem document', () => {
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    registerErrorHandling(app, (path) => (path === '/thing' ? ['GET'] : undefined));
    app.get('/thing', async (req) => {
      const q = req.query as { fail?: string };
      if (q.fail === 'app') throw new AppError('RATE_LIMITED', 'Slow down', undefined, { 'retry-after': '7' });
      throw new Error('secret detail at /srv/app.ts:42 select * from users');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('carries type, title, status, detail, code and the request id, with the error headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/thing?fail=app' });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toEqual({
      type: 'https://storefront.dev/problems/rate-limited',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Slow down',
      code: 'RATE_LIMITED',
      request_id: expect.any(String),
    });
  });

  it('answers an unexpected error with 500 SERVER_ERROR and none of its details', async () => {
    const res = await app.inject({ method: 'GET', url: '/thing?fail=bug' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'SERVER_ERROR', detail: 'An unexpected error occurred' });
    expect(res.body).not.toMatch(/secret|\/srv|select/);
  });

  it('is 404 NOT_FOUND for an unknown path and 405 with Allow for a known path with another method', async () => {
    const missing = await app.inject({ method: 'GET', url: '/nothing' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'NOT_FOUND']);
    const wrong = await app.inject({ method: 'DELETE', url: '/thing' });
    expect([wrong.statusCode, wrong.json().code, wrong.headers.allow]).toEqual([405, 'METHOD_NOT_ALLOWED', 'GET']);
  });
});
