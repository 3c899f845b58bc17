// A body the contract does not declare is ignored, not parsed. Without this,
// `curl -X POST …/orders/7/cancel -d hi` or a DELETE with a stray JSON body
// was a 400 that the operation does not document, and an unknown path or a
// wrong method sent with malformed JSON was a 400 instead of its 404 or 405.
// Fastify decides whether to parse from the request's headers, after the
// preParsing hooks: forgetting the body headers there makes it skip the
// parser, and Node drains the unread body when the response ends, so
// keep-alive connections stay usable.
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';

function forgetBody(headers: IncomingHttpHeaders): void {
  delete headers['content-type'];
  delete headers['content-length'];
  delete headers['transfer-encoding'];
}

export function ignoreUndeclaredBodies(app: FastifyInstance): void {
  app.addHook('preParsing', (req, _reply, payload, done) => {
    // is404 covers the not-found handler, which also answers 405 and OPTIONS.
    if (req.is404 || req.routeOptions.schema?.body === undefined) forgetBody(req.raw.headers);
    done(null, payload);
  });
}
