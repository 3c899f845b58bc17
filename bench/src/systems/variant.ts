// This server with one production feature switched off (BENCH_WITHOUT, a
// comma-separated list of the app builder's SwitchableFeature names), for the
// per-feature cost table. Built through the server package's exports from the
// compiled server, as `node server/dist/server.js` builds it, minus the
// first-admin bootstrap and shutdown handling a benchmark does not need.
import { type SwitchableFeature, buildApp } from '@storefront/server/app';
import { loadConfig } from '@storefront/server/config';
import { connectDatabase } from '@storefront/server/db/connect';
import { loggerOptions } from '@storefront/server/logging';

const without = new Set((process.env.BENCH_WITHOUT ?? '').split(',').filter(Boolean) as SwitchableFeature[]);
const config = loadConfig();
const database = await connectDatabase(config);
const app = await buildApp({ config, database, logger: loggerOptions(config), without });
process.once('SIGTERM', () => {
  void app.close().then(() => database.close());
});
await app.listen({ port: config.port, host: config.host });
