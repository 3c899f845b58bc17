// GET /metrics in Prometheus text format (the registry is metrics.ts's).
// Outside the contract like /docs; never rate limited or shed under
// pressure (it is how overload is seen); off with METRICS_ENABLED=false,
// bearer-protected with METRICS_TOKEN. In production without a token the
// public port does not serve it (orders by status and per-operation traffic
// are nobody else's business): a loopback-only listener on METRICS_PORT does,
// or nothing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { AppError } from '../errors.js';
import { sendProblem } from './error-handler.js';
import { createMetricsRegistry, type Metrics, type MetricsOptions } from './metrics.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Returns the registry, for other parts to add their metrics to (undefined when metrics are off). */
export function registerMetrics(app: FastifyInstance, options: MetricsOptions): Registry | undefined {
  if (!options.config.metricsEnabled) return undefined;
  const metrics = createMetricsRegistry(options);
  const expected = options.config.metricsToken ? digest(`Bearer ${options.config.metricsToken}`) : undefined;

  app.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));
  const { config } = options;
  if (config.nodeEnv === 'production' && !config.metricsToken) {
    if (config.metricsPort === undefined) {
      app.addHook('onReady', async () =>
        app.log.warn(
          '/metrics is not served: NODE_ENV=production without METRICS_TOKEN. Set METRICS_TOKEN to serve it on the API port to bearers of the token, or METRICS_PORT to serve it on 127.0.0.1 only',
        ),
      );
    } else serveOnLoopback(app, metrics, config.metricsPort);
    return metrics.registry;
  }
  if (!expected)
    app.addHook('onReady', async () =>
      app.log.info(
        '/metrics is served without a token to clients on this machine only (loopback; NODE_ENV is not production). Set METRICS_TOKEN to serve it to bearers of the token',
      ),
    );
  app.get('/metrics', { config: { rateLimit: false, pressureHandler: () => undefined } }, async (req, reply) => {
    // Without a token, outside production: the developer's own machine only,
    // even with HOST=0.0.0.0. Both the peer and, behind a trusted proxy
    // (TRUST_PROXY), the client it names must be local; without TRUST_PROXY
    // req.ip is the peer, so X-Forwarded-For cannot forge it.
    if (!expected && !(LOOPBACK.test(req.socket.remoteAddress ?? '') && LOOPBACK.test(req.ip))) {
      return sendProblem(reply, req, new AppError('NOT_FOUND', 'No route for GET /metrics'));
    }
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      return sendProblem(
        reply,
        req,
        new AppError('AUTHENTICATION_ERROR', 'A valid metrics token is required', undefined, {
          'www-authenticate': 'Bearer',
        }),
      );
    }
    const body = await metrics.render();
    return reply.type(metrics.registry.contentType).send(body);
  });
  return metrics.registry;
}

/** A listener of its own on 127.0.0.1, started and stopped with the app. */
function serveOnLoopback(app: FastifyInstance, metrics: Metrics, port: number): void {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.render().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (err: unknown) => {
        app.log.error({ err }, 'metrics scrape failed');
        res.writeHead(500).end();
      },
    );
  });
  app.addHook('onReady', async () => {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const { port: bound } = server.address() as AddressInfo;
    app.log.info(
      `/metrics is served on http://127.0.0.1:${bound}/metrics only (loopback; NODE_ENV=production without METRICS_TOKEN)`,
    );
  });
  app.addHook('onClose', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
}
