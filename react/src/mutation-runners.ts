// What each mutation hook sends: the generated runners (one facade call per
// write operation, named variables), and the one whose SDK method takes no
// options. Their variables and data types are read off this table.
import type { Storefront } from '@storefront/sdk';
import { generatedRunners } from './generated/mutation-runners.js';

export const mutationRunners = {
  ...generatedRunners,
  /** The SDK refreshes by itself on an expired token; this is for a "keep me signed in" button or a timer. */
  // biome-ignore lint/suspicious/noConfusingVoidType: `void` variables let `mutate()` be called with no argument
  refreshToken: (sdk: Storefront, _v: void) => sdk.auth.refresh(),
};

export type MutationOperationId = keyof typeof mutationRunners;
export type MutationVariables<K extends MutationOperationId> = Parameters<(typeof mutationRunners)[K]>[1];
export type MutationData<K extends MutationOperationId> = Awaited<ReturnType<(typeof mutationRunners)[K]>>;
