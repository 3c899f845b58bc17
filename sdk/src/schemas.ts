// The named schema types (generated from the contract: generated/schemas.ts),
// and the few names that are parts of a schema rather than one.
import type { Problem } from './generated/schemas.js';

export type * from './generated/schemas.js';
/** One entry of a 422's `errors` list. */
export type FieldError = NonNullable<Problem['errors']>[number];
