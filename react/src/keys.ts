// Query keys: the contract's cache groups (generated/keys.ts) and the session,
// which the auth state is built on.
import { generatedKeys } from './generated/keys.js';
import { ROOT } from './key-factories.js';

export type { ListFilters } from './key-factories.js';

export const storefrontKeys = {
  all: () => [ROOT] as const,
  /**
   * The signed-in user or null: what the auth state is built on. Kept apart
   * from the user-scoped data below so logging in or out can drop that data
   * without losing the session query's observers.
   */
  session: () => [ROOT, 'session'] as const,
  ...generatedKeys,
};

/** Everything that belongs to the signed-in account, dropped when it changes. */
export const userScopedKeys = () => [
  storefrontKeys.currentUser(),
  storefrontKeys.users.all(),
  storefrontKeys.orders.all(),
];
