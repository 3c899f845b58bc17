// The SDK's and React layer's per-operation files, rendered from one contract
// document: `pnpm gen` writes them for the real contract, a test renders them
// for a changed one in memory.
import type { ContractDocument } from '../document.js';
import { formatGenerated } from './format.js';
import { surfaceOf } from './model.js';
import {
  renderEffects,
  renderKeys,
  renderMutationHooks,
  renderMutationRunners,
  renderOperationHooks,
  renderQueries,
  renderQueryHooks,
} from './render-react.js';
import { renderOperationMethods, renderSchemas, renderSdkResources } from './render-sdk.js';

/** Each generated file, by its path from the repository root. */
export const surfaceFiles = {
  'sdk/src/generated/resources.ts': renderSdkResources,
  'sdk/src/generated/operation-methods.ts': renderOperationMethods,
  'sdk/src/generated/schemas.ts': renderSchemas,
  'react/src/generated/keys.ts': renderKeys,
  'react/src/generated/queries.ts': renderQueries,
  'react/src/generated/query-hooks.ts': renderQueryHooks,
  'react/src/generated/mutation-runners.ts': renderMutationRunners,
  'react/src/generated/mutation-hooks.ts': renderMutationHooks,
  'react/src/generated/invalidation.ts': renderEffects,
  'react/src/generated/operation-hooks.ts': renderOperationHooks,
} as const;

export type SurfaceFile = keyof typeof surfaceFiles;

/** Every surface file for this contract (throws on an extension the generators cannot honour). */
export function renderSurface(document: ContractDocument): Record<SurfaceFile, string> {
  const surface = surfaceOf(document);
  return Object.fromEntries(Object.entries(surfaceFiles).map(([path, render]) => [path, render(surface)])) as Record<
    SurfaceFile,
    string
  >;
}

/** The files as committed: rendered, then laid out by Biome. */
export function renderFormattedSurface(document: ContractDocument): Record<SurfaceFile, string> {
  return Object.fromEntries(
    Object.entries(renderSurface(document)).map(([path, code]) => [path, formatGenerated(path, code)]),
  ) as Record<SurfaceFile, string>;
}
