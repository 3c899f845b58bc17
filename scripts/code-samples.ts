// Generates a curl and an @storefront/sdk sample for an operation of the
// contract, from its method, path, parameters, security and first example.
// The SDK's own operationId → method map, so a sample can never name a method the SDK lacks.
import type { ContractDocument, Operation } from '@storefront/contract/load';
import { operationMethods } from '@storefront/sdk';

type Json = Record<string, any>;

const BASE = 'http://127.0.0.1:3000/api/v1';

function requestExample(op: Json): unknown {
  const media = op.requestBody?.content?.['application/json'];
  if (!media) return undefined;
  const first = Object.values<Json>(media.examples ?? {})[0];
  return first?.value ?? media.example;
}

function isSecured(contract: ContractDocument, op: Json): boolean {
  const security = op.security ?? contract.security ?? [];
  return security.length > 0 && Object.keys(security[0] ?? {}).length > 0;
}

/** Samples for one operation of the dereferenced contract (see the contract loader). */
export function codeSamples(contract: ContractDocument, { path, method, op, parameters }: Operation): Json[] {
  const pathParams = parameters.filter((p) => p.in === 'path');
  const example = requestExample(op);
  const url = BASE + path.replace(/\{([^}]+)\}/g, '1');
  const curl = [`curl -X ${method} '${url}'`];
  if (isSecured(contract, op)) curl.push(`  -H "Authorization: Bearer $ACCESS_TOKEN"`);
  if (example !== undefined) curl.push(`  -H 'Content-Type: application/json'`, `  -d '${JSON.stringify(example)}'`);

  const args: string[] = [];
  if (pathParams.length > 0) args.push(pathParams.map(() => '1').join(', '));
  // The SDK keeps the refresh token in its token store, so refresh takes no body.
  if (example !== undefined && op.operationId !== 'refreshToken') args.push(JSON.stringify(example, null, 2));
  const call = `await sdk.${operationMethods[op.operationId as keyof typeof operationMethods] ?? op.operationId}(${args.join(', ')});`;
  const sdk = [
    "import { createStorefront } from '@storefront/sdk';",
    '',
    "const sdk = createStorefront({ baseUrl: 'http://127.0.0.1:3000/api/v1' });",
    ...(isSecured(contract, op) && op.operationId !== 'login'
      ? ["await sdk.auth.login({ email: 'ada@example.com', password: 'Analytical#Engine1' });"]
      : []),
    `const result = ${call}`,
    'console.log(result);',
  ].join('\n');

  return [
    { lang: 'curl', label: 'curl', source: curl.join(' \\\n') },
    { lang: 'JavaScript', label: '@storefront/sdk', source: sdk },
  ];
}
