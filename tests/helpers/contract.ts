// Checks responses against the contract: the status must be declared for the
// operation, and the content type and body must match the declared schema.
// The contract comes dereferenced from the contract package's loader.
import { type Operation, loadDereferencedContract, operationsOf } from '@storefront/contract/load';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, any>;
const dereferenced = await loadDereferencedContract();
/** The dereferenced contract, open for tests to walk. */
export const contract: Json = dereferenced;
export type OperationRef = Operation;
export const allOperations: OperationRef[] = operationsOf(dereferenced);

// multipleOfPrecision: as the server's validator, so 19.99 counts as a multiple of 0.01.
const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 9 });
formats.default(ajv);

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
export function checkResponse(
  operation: OperationRef,
  status: number,
  contentType: string | undefined,
  body: string,
): string[] {
  const response = (operation.op.responses as Json)[String(status)] as Json | undefined;
  if (!response) return [`${operation.operationId} answered ${status}, which the contract does not declare`];
  const content = response.content as Json | undefined;
  if (!content) return body.length > 0 ? [`${operation.operationId} ${status} must have no body`] : [];
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!(mediaType in content))
    return [
      `${operation.operationId} ${status} has content type "${mediaType}", expected ${Object.keys(content).join(' or ')}`,
    ];
  const key = `${operation.operationId} ${status} ${mediaType}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(content[mediaType].schema);
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

/** Contract violations of a webhook body: it must match the schema the `webhooks` section declares for its type. */
export function checkWebhookEvent(body: string): string[] {
  const event = JSON.parse(body) as { type?: string };
  const declared = (contract.webhooks as Json)[event.type ?? ''] as Json | undefined;
  if (!declared) return [`webhook type ${event.type} is not declared in the contract`];
  const validate = ajv.compile(declared.post.requestBody.content['application/json'].schema);
  return validate(event) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
