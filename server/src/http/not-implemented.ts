// Temporary: operations declared in the contract whose handlers have not landed answer 501.
import type { FastifyReply, FastifyRequest } from 'fastify';

export function notImplemented(operationId: string) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<never> => {
    reply.code(501).type('application/problem+json').send({
      type: 'https://storefront.dev/problems/not-implemented',
      title: 'Not Implemented',
      status: 501,
      detail: `${operationId} is not implemented yet`,
      code: 'SERVER_ERROR',
      request_id: String(req.id),
    });
    return reply as never;
  };
}
