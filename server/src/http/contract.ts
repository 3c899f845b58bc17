// The contract at run time: the bundle `pnpm gen` writes into the contract
// package (generated/openapi.json), read as plain JSON. The YAML source and
// Redocly's loader are dev tooling; production needs neither.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ContractDocument, HttpMethod, OperationObject } from '@storefront/contract/document';

export type { ContractDocument, OperationObject } from '@storefront/contract/document';

const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const bundlePath = createRequire(import.meta.url).resolve('@storefront/contract/openapi.json');

export function loadContract(): ContractDocument {
  return JSON.parse(readFileSync(bundlePath, 'utf8')) as ContractDocument;
}

/** The document's operations by operationId (the bundle has every path item inline). */
export function operationsById(contract: ContractDocument): Map<string, OperationObject> {
  const byId = new Map<string, OperationObject>();
  for (const item of Object.values(contract.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) byId.set(op.operationId, op);
    }
  }
  return byId;
}
