// Checks responses against the contract: the status must be declared for the
// operation, and the content type and body must match the declared schema.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
export const contract = parse(readFileSync(new URL('../../openapi/openapi.yaml', import.meta.url), 'utf8')) as Json;

// multipleOfPrecision: as the server's validator, so 19.99 counts as a multiple of 0.01.
const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 9 });
formats.default(ajv);
ajv.addSchema({ ...contract, $id: 'contract' });

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Json)[key], contract);
}
const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  pointer: string;
  op: Json;
}

export const allOperations: OperationRef[] = Object.entries(contract.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json)
    .filter(([method]) => method !== 'parameters')
    .map(([method, op]) => ({
      operationId: (op as Json).operationId as string,
      method: method.toUpperCase(),
      path,
      pointer: `#/paths/${escape(path)}/${method}`,
      op: op as Json,
    })),
);

const matchers = allOperations.map((o) => ({
  ...o,
  regex: new RegExp(`^/api/v1${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

export function findOperation(method: string, url: string): OperationRef | undefined {
  const path = url.split('?')[0] ?? '';
  return matchers.find((m) => m.method === method.toUpperCase() && m.regex.test(path));
}

const validators = new Map<string, ValidateFunction>();

/** Returns a list of contract violations (empty when the response conforms). */
export function checkResponse(operation: OperationRef, status: number, contentType: string | undefined, body: string): string[] {
  const responses = operation.op.responses as Json;
  let response = responses[String(status)] as Json | undefined;
  if (!response) return [`${operation.operationId} answered ${status}, which the contract does not declare`];
  let responsePointer = `${operation.pointer}/responses/${status}`;
  if (typeof response.$ref === 'string') {
    responsePointer = response.$ref;
    response = resolve(response.$ref) as Json;
  }
  const content = response.content as Json | undefined;
  if (!content) return body.length > 0 ? [`${operation.operationId} ${status} must have no body`] : [];
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in content)) return [`${operation.operationId} ${status} has content type "${mediaType}", expected ${Object.keys(content).join(' or ')}`];
  const key = `${responsePointer}/content/${escape(mediaType)}/schema`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile({ $ref: `contract${key}` });
    validators.set(key, validate);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`${operation.operationId} ${status} body is not JSON`];
  }
  if (validate(parsed)) return [];
  return (validate.errors ?? []).map((e) => `${operation.operationId} ${status} body${e.instancePath} ${e.message}`);
}
