// Probes for orchestrators and load balancers, next to /metrics and outside
// the contract (they describe this process, not the API):
// - GET /livez: the process answers (no I/O). A failing liveness probe means
//   "restart me", so a database outage, which the server survives and
//   recovers from by itself, must not fail it.
// - GET /readyz: send me traffic. 503 problem+json naming what is wrong when
//   the database does not answer, the order queue is not running, the server
//   is shedding load, or shutdown has begun (so a load balancer stops routing
//   here while requests in flight drain). Shutdown begins with `beginDrain()`
//   (server.ts calls it on SIGTERM, SHUTDOWN_DELAY_SECONDS before closing the
//   listener) or, at the latest, when the app starts closing.
// The contract's /api/v1/health stays what it was: a public summary for clients.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { pingDatabase } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { sendProblem } from './error-handler.js';

export interface ReadinessSources {
  db: Kysely<Database>;
  /** Whether the order queue has started and not been stopped. */
  queueRunning(): boolean;
  /** Whether the load shedder is refusing requests right now. */
  shedding(): boolean;
}

// Probes are never rate limited or shed: they must tell the truth under load.
const PROBE = { config: { rateLimit: false, pressureHandler: () => undefined } } as const;

declare module 'fastify' {
  interface FastifyInstance {
    /** From now on /readyz answers 503: the process is about to stop taking traffic. */
    beginDrain(): void;
  }
}

export function registerProbes(app: FastifyInstance, sources: ReadinessSources): void {
  let draining = false;
  app.decorate('beginDrain', () => {
    draining = true;
  });
  app.addHook('preClose', async () => {
    draining = true;
  });

  app.get('/livez', PROBE, async () => ({ status: 'alive' }));

  app.get('/readyz', PROBE, async (req, reply) => {
    const failing: string[] = [];
    if (draining) failing.push('shutting down');
    if (!sources.queueRunning()) failing.push('order queue not running');
    if (sources.shedding()) failing.push('shedding load');
    if (!draining) {
      await pingDatabase(sources.db).catch(() => failing.push('database unreachable'));
    }
    if (failing.length > 0) {
      // Sent here rather than thrown: the access log records it, and a
      // failing probe every few seconds is not an error to log each time.
      const notReady = new AppError('SERVICE_UNAVAILABLE', `Not ready: ${failing.join(', ')}`);
      return sendProblem(reply, req, notReady);
    }
    return { status: 'ready' };
  });
}
