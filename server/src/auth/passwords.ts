// bcrypt through its native async API: hashing runs on libuv's thread pool,
// so a login flood never blocks the event loop.
import bcrypt from 'bcrypt';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Compares against `hash`, or against a dummy hash when the account does not exist, so both take the same time. */
  verify(password: string, hash: string | undefined): Promise<boolean>;
}

export function createPasswordHasher(cost: number): PasswordHasher {
  const dummy = bcrypt.hashSync('dummy password for absent accounts', cost);
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      const ok = await bcrypt.compare(password, hash ?? dummy);
      return ok && hash !== undefined;
    },
  };
}
