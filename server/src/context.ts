// What handler factories are built from. Created once per app in app.ts.
import type { JWT } from '@fastify/jwt';
import type { Kysely } from 'kysely';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { OrderQueue } from './jobs/order-queue.js';

export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  jwt: JWT;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  orderQueue: OrderQueue;
  version: string;
}
