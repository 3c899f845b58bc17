// The one contract loader for scripts, tests and bench: Redocly's
// openapi-core bundles the contract (external files inlined, internal `$ref`s
// kept) and dereferences it (every `$ref` replaced by what it points at).
// Nothing else resolves a `$ref`. Each is computed once per process.
//
// Dev tooling: the server never runs this. It reads generated/openapi.json,
// the bundle written by `pnpm gen`, so openapi-core stays out of production.
import { bundle, bundleFromString, createConfig } from '@redocly/openapi-core';
import type { ContractDocument, HttpMethod } from './document.js';
import { contractFile } from './files.js';

export type { ContractDocument, HttpMethod, OperationObject, PathItem } from './document.js';

/** A part of the document as tooling walks it (tests, scripts, bench): open, as JSON is. */
export type Json = Record<string, any>;

const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

async function bundleContract(dereference: boolean, source?: string): Promise<ContractDocument> {
  const config = await createConfig({});
  const result = source
    ? await bundleFromString({ source, config, dereference })
    : await bundle({ ref: contractFile.pathname, config, dereference });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`The contract does not bundle: ${errors.map((p) => p.message).join('; ')}`);
  return result.bundle.parsed as ContractDocument;
}

let bundled: Promise<ContractDocument> | undefined;
let dereferenced: Promise<ContractDocument> | undefined;

/** The contract as one document, internal `$ref`s kept (what the docs and /openapi.json show). */
export function loadContract(): Promise<ContractDocument> {
  bundled ??= bundleContract(false);
  return bundled;
}

/** The contract with every `$ref` replaced by its target. Shared: clone before changing a part. */
export function loadDereferencedContract(): Promise<ContractDocument> {
  dereferenced ??= bundleContract(true);
  return dereferenced;
}

/** Any version of the contract's YAML (e.g. from git history), dereferenced. */
export function dereferenceSource(source: string): Promise<ContractDocument> {
  return bundleContract(true, source);
}

export interface Operation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** As in the contract, relative to the server's base path: `/products/{product_id}`. */
  path: string;
  /** JSON pointer of the operation in the document. */
  pointer: string;
  op: Json & { operationId: string };
  /** The path item's parameters followed by the operation's own. */
  parameters: Json[];
}

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every operation of a document, in contract order. */
export function operationsOf(document: ContractDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method] as (Json & { operationId: string }) | undefined;
      if (!op) return [];
      return [
        {
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          pointer: `#/paths/${escapePointer(path)}/${method}`,
          op,
          parameters: [...((item.parameters ?? []) as Json[]), ...((op.parameters ?? []) as Json[])],
        },
      ];
    }),
  );
}
