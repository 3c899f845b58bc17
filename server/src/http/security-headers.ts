// Security headers on every response, with a CSP for a JSON API (the docs
// page gets its own, http/docs.ts), and CORS only for the origins listed in
// CORS_ORIGINS.
//
// helmet decides the headers; we ask it once, at start. @fastify/helmet calls
// `helmet(options)` again on every request (rebuilding every middleware and
// the CSP string), which measured about 25 µs of CPU per request for headers
// that never change; here each response gets the same precomputed set in one
// `reply.headers()` call.
import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.js';

type ContentSecurityPolicy = Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>;

const API_CSP: ContentSecurityPolicy = {
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
};

/** The headers helmet sets with `contentSecurityPolicy`, by lowercase name. */
export function securityHeaders(contentSecurityPolicy: ContentSecurityPolicy): Record<string, string> {
  const headers: Record<string, string> = {};
  // helmet's middleware is synchronous and only sets and removes headers.
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({ contentSecurityPolicy, crossOriginResourcePolicy: { policy: 'same-site' } })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (err?: unknown) => {
      if (err) throw err;
    },
  );
  return headers;
}

export async function registerSecurityHeaders(
  app: FastifyInstance,
  config: Pick<Config, 'corsOrigins'>,
): Promise<void> {
  const headers = securityHeaders(API_CSP);
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cors, {
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Prefer', 'X-Request-Id'],
    exposedHeaders: [
      'ETag',
      'Location',
      'Preference-Applied',
      'Retry-After',
      'X-Request-Id',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ],
    maxAge: 600,
  });
}
