// Loads a large demo catalogue for benchmarks: `pnpm db:load-catalogue --products 1000000`.
// Batched multi-row inserts, with a progress line on stderr. Uses DATABASE_URL
// (or the embedded database in DATA_DIR), migrating it first.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfigOrExit } from '../server/src/config.js';
import { connectDatabaseOrExit } from '../server/src/db/connect.js';
import { demoProducts } from '../server/src/db/demo-products.js';
import { migrateToLatest } from '../server/src/db/migrate.js';

const { values } = parseArgs({
  options: { products: { type: 'string', default: '1000000' }, batch: { type: 'string', default: '5000' } },
});
const total = Number(values.products);
const batch = Number(values.batch);
// 5 parameters a row; Postgres allows 65535 per statement.
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(batch) || batch < 1 || batch > 13_000) {
  console.error('usage: load-catalogue [--products N] [--batch 1..13000]');
  process.exit(1);
}

const database = await connectDatabaseOrExit(loadConfigOrExit());
try {
  await migrateToLatest(database.db);
  const started = Date.now();
  for (let done = 0; done < total; ) {
    const size = Math.min(batch, total - done);
    await database.db.insertInto('products').values(demoProducts(size, done)).execute();
    done += size;
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `\rloaded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} products (${Math.round((done / total) * 100)}%, ${Math.round(done / seconds)}/s)`,
    );
  }
  process.stderr.write('\n');
  // Fresh statistics, so the planner picks the new indexes at once.
  await sql`analyze products`.execute(database.db);
} catch (err) {
  console.error(`\n${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
