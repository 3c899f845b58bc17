// `pnpm db:seed`: a demo admin, a demo user and a few hundred products, for
// trying the API. Idempotent: running it again adds nothing that exists.
import { loadConfigOrExit } from './config.js';
import { createPasswordHasher } from './identity/passwords.js';
import { findUserForLogin, insertUser } from './identity/users.repository.js';
import { connectDatabaseOrExit } from './db/connect.js';
import { demoProducts } from './db/demo-products.js';
import { migrateToLatest } from './db/migrate.js';

const config = loadConfigOrExit();
const database = await connectDatabaseOrExit(config);
const { db } = database;
try {
  await migrateToLatest(db);
  const passwords = createPasswordHasher(config.bcryptCost);
  const accounts = [
    {
      username: 'admin',
      email: config.adminEmail ?? 'admin@example.com',
      password: config.adminPassword ?? 'Admin#12345',
      role: 'admin' as const,
    },
    { username: 'demo_user', email: 'user@example.com', password: 'User#12345', role: 'user' as const },
  ];
  let adminId = 0;
  for (const account of accounts) {
    let user = await findUserForLogin(db, { email: account.email });
    if (!user) {
      user = await insertUser(db, {
        username: account.username,
        email: account.email,
        full_name: account.role === 'admin' ? 'Demo admin' : 'Demo user',
        role: account.role,
        password_hash: await passwords.hash(account.password),
      });
      console.log(`created ${account.role} ${account.email}`);
    }
    if (account.role === 'admin') adminId = user.id;
  }

  const products = demoProducts(300);
  const existing = new Set(
    (
      await db
        .selectFrom('products')
        .select('name')
        .where(
          'name',
          'in',
          products.map((p) => p.name),
        )
        .execute()
    ).map((r) => r.name),
  );
  const missing = products.filter((p) => !existing.has(p.name)).map((p) => ({ ...p, created_by: adminId }));
  if (missing.length > 0) await db.insertInto('products').values(missing).execute();
  console.log(`products: ${missing.length} added, ${existing.size} already there`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
