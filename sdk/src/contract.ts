// The contract's generated types, the only way SDK code reaches them. The
// published build overwrites this module's emitted declarations with the
// generated file itself (see `build` in package.json), so the tarball is
// self-contained: a consumer installs @storefront/sdk and nothing else.
export type { components, operations, paths, webhooks } from '@storefront/contract/types';
