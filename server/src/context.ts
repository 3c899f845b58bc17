// What every handler factory is built from, created once per app in app.ts.
// Only shared infrastructure lives here: a feature's own services (the login
// throttle, the order queue) are passed to that feature's factory beside it,
// so this file never imports a feature folder that imports it back.
import type { JWT } from '@fastify/jwt';
import type { Kysely } from 'kysely';
import type { PasswordHasher } from './identity/passwords.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';

export interface AppContext {
  db: Kysely<Database>;
  config: Pick<Config, 'accessTokenTtl' | 'refreshTokenTtl'>;
  jwt: JWT;
  passwords: PasswordHasher;
  version: string;
}
