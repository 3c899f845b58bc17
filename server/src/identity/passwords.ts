// bcrypt through its native async API: hashing runs on libuv's thread pool,
// so a login flood never blocks the event loop.
import bcrypt from 'bcrypt';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Compares against `hash`, or against a dummy hash when the account does not exist, so both take the same time. */
  verify(password: string, hash: string | undefined): Promise<boolean>;
}

export function createPasswordHasher(cost: number): PasswordHasher {
  // Made on the thread pool too: a synchronous hash here blocked start-up for
  // about 220 ms at cost 12, long enough for load shedding to refuse the first requests.
  const dummy = bcrypt.hash('dummy password for absent accounts', cost);
  dummy.catch(() => {}); // reported by the first verify that needs it
  return {
    hash: (password) => bcrypt.hash(password, cost),
    async verify(password, hash) {
      const ok = await bcrypt.compare(password, hash ?? (await dummy));
      return ok && hash !== undefined;
    },
  };
}
