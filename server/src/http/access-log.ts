// One access-log line per request instead of Fastify's two ("incoming
// request" and "request completed", which carry neither the operation nor the
// user): written when the response is sent, with what an operator filters on.
// The request id is bound to every line of a request (`reqId`); `ip` is the
// client address, X-Forwarded-For's when TRUST_PROXY trusts the peer.
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Principal } from '../identity/principal.js';

type AuthenticatedRequest = FastifyRequest & { principal: Principal | null };

export class AccessLog extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {} // the access line records the 404

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: req.method,
      url: req.url,
      operationId: req.routeOptions.config.operationId,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      userId: (req as AuthenticatedRequest).principal?.userId,
      ip: req.ip,
    };
    // A response that failed mid-stream: the error handler could not log it.
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}

/** No request lines at all: what the benchmark compares the access log with. */
export class NoAccessLog extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(): void {}
}
