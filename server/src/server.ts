// The process entry point: config, database, migrations, first admin, the
// app, listening, and a graceful shutdown on SIGTERM/SIGINT.
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { createPasswordHasher } from './identity/passwords.js';
import { loadConfigOrExit } from './config.js';
import { connectDatabaseOrExit, withSessionDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { loggerOptions } from './logging.js';
import { startTracing } from './tracing/sdk.js';
import { settle, trackConnections } from './shutdown/connections.js';
import { gracefulShutdown } from './shutdown/signals.js';
import { ensureFirstAdmin } from './users/bootstrap-admin.js';
import { activeAdminExists } from './identity/users.repository.js';

const config = loadConfigOrExit();
// After the config: OTEL_* variables may come from .env too.
const tracing = await startTracing('storefront');

const database = await connectDatabaseOrExit({
  ...config,
  tracing: tracing !== undefined,
  onPoolError: (err) => app?.log.warn({ err }, 'idle database client failed; the pool replaces it'),
});
await withSessionDatabase(database, migrateToLatest);
const app = await buildApp({ config, database, logger: loggerOptions(config), tracing: tracing !== undefined });
for (const warning of config.warnings) app.log.warn(warning);
const admin = await ensureFirstAdmin(database.db, config, createPasswordHasher(config.bcryptCost));
if (admin) app.log.info({ email: admin }, 'created the first admin from ADMIN_EMAIL');
else if (!(await activeAdminExists(database.db))) {
  const cli =
    '`storefront admin create --email … --username …` (`pnpm storefront` in a checkout, `node dist/cli.js` in a production install)';
  app.log.warn(
    `No admin account yet. Set ADMIN_EMAIL and ADMIN_PASSWORD (environment or .env) and restart, or ` +
      (database.kind === 'pglite' ? `stop the server and run ${cli}` : `run ${cli}`) +
      (config.nodeEnv === 'production'
        ? '.'
        : '; in a checkout `pnpm db:seed` loads demo data with admin@example.com / Admin#12345.'),
  );
}

// Shutdown (shutdown/signals.ts says which signals do what): /readyz turns
// 503 at once; after SHUTDOWN_DELAY_SECONDS the listener closes, connections
// without a request in flight are closed (shutdown/connections.ts), requests
// in flight finish, the in-process worker lets its running jobs finish
// (queued ones stay queued), and the process exits 0. Past
// SHUTDOWN_GRACE_SECONDS more it exits 1 anyway.
const connections = trackConnections(app.server);
gracefulShutdown({
  deadlineMs: (config.shutdownDelaySeconds + config.shutdownGraceSeconds) * 1000,
  log: app.log,
  async drain(cause) {
    app.beginDrain();
    if ('err' in cause) app.log.error({ err: cause.err }, 'shutting down after an error');
    else app.log.info({ signal: cause.signal, delaySeconds: config.shutdownDelaySeconds }, 'shutting down');
    // Even without a delay, one settle first: connections the kernel completed
    // before the signal still wait in its accept queue, and closing the
    // listener would reset them rather than let the loop accept them.
    if (!('err' in cause)) await sleep(config.shutdownDelaySeconds * 1000);
    await settle();
    const closed = app.close();
    await connections.closeIdle();
    await closed;
    await database.close();
    await tracing?.shutdown();
  },
});

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `storefront ${database.kind === 'pglite' ? `on the embedded database in ${resolve(config.dataDir)}` : 'on Postgres'}; docs at http://${config.host}:${config.port}/docs`,
);
