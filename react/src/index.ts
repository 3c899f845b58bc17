// Public API of @storefront/react.
export { StorefrontProvider, useStorefront, type StorefrontProviderProps } from './context.js';
export { useAuth, type AuthState, type AuthStatus } from './auth.js';
export { storefrontKeys, type ListFilters } from './keys.js';
export { storefrontQueries, type Session } from './queries.js';
export { mutationEffects, type CacheEffects } from './invalidation.js';
export type { MutationData, MutationOperationId, MutationVariables } from './mutation-runners.js';
export { operationHooks, infiniteHooks } from './generated/operation-hooks.js';
export * from './query-hooks.js';
export * from './mutation-hooks.js';
export * from './generated/query-hooks.js';
export * from './generated/mutation-hooks.js';
