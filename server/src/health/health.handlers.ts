import type { AppContext } from '../context.js';
import { pingDatabase } from '../db/connect.js';
import type { Handlers } from '../http/handler-types.js';

export function createHealthHandlers({ db, version }: AppContext): Handlers<'getHealth'> {
  return {
    /** Healthy when the database answers a trivial query; 503 otherwise. */
    async getHealth(req, reply) {
      try {
        await pingDatabase(db);
        return { status: 'healthy', database: 'healthy', version };
      } catch (err) {
        req.log.warn({ err }, 'health check: database unreachable');
        reply.code(503);
        return { status: 'unhealthy', database: 'unhealthy', version };
      }
    },
  };
}
