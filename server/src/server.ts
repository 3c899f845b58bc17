// The process entry point: config, database, migrations, first admin, the
// app, listening, and a graceful shutdown on SIGTERM/SIGINT.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { createPasswordHasher } from './auth/passwords.js';
import { loadConfigOrExit } from './config.js';
import { connectDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureFirstAdmin } from './users/bootstrap-admin.js';

const config = loadConfigOrExit();

const database = await connectDatabase({
  ...config,
  onPoolError: (err) => app?.log.warn({ err }, 'idle database client failed; the pool replaces it'),
});
await migrateToLatest(database.db);
const app = await buildApp({ config, database, logger: { level: config.logLevel } });
for (const warning of config.warnings) app.log.warn(warning);
const admin = await ensureFirstAdmin(database.db, config, createPasswordHasher(config.bcryptCost));
if (admin) app.log.info({ email: admin }, 'created the first admin from ADMIN_EMAIL');

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
});

await app.listen({ port: config.port, host: config.host });
app.log.info(`storefront ${database.kind === 'pglite' ? `on the embedded database in ${config.dataDir}` : 'on Postgres'}; docs at http://${config.host}:${config.port}/docs`);
