// The server's production features on the Hono peer, each from the library
// a Hono user would reach for, so "every feature on" compares like with like:
// security headers (Hono's secureHeaders), rate limiting per client address
// in memory (hono-rate-limiter, the bench's high limit so nothing is refused),
// and prom-client metrics (a request counter and a duration histogram by
// route and status, served on /metrics). Bearer auth is in the peer itself:
// its protected operations cannot run without it.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Hono } from 'hono';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter } from 'hono-rate-limiter';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function useProductionFeatures<E extends { Variables: object }>(app: Hono<E>): void {
  app.use(secureHeaders());

  app.use(
    rateLimiter<E>({
      windowMs: 60_000,
      limit: Number(process.env.RATE_LIMIT_ANON ?? 100),
      standardHeaders: 'draft-6',
      keyGenerator: (c) => getConnInfo(c).remote.address ?? 'unknown',
    }),
  );

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'Requests answered',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer a request',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.use(async (c, next) => {
    const stop = duration.startTimer();
    await next();
    const labels = { method: c.req.method, route: routePath(c), status: String(c.res.status) };
    stop(labels);
    requests.inc(labels);
  });
  app.get('/metrics', async (c) => c.text(await registry.metrics(), 200, { 'content-type': registry.contentType }));
}
