// Renders the SDK's per-operation surface: one method per operation under its
// resource, the operation → method map, the resource names and the schema
// aliases. The runtime they call (call, transport, pagination) stays hand-written.
import { GENERATED_HEADER } from './header.js';
import type { Surface, SurfaceOperation } from './model.js';

const doc = (op: SurfaceOperation) => `/** ${op.operationId}${op.summary ? `: ${op.summary}` : ''} */`;

/** The method's parameters, in the facade's order: path, body, query, options. */
export function sdkParameters(op: SurfaceOperation): string[] {
  return [
    ...op.pathParams.map((p) => `${p.variable}: PathParams<'${op.operationId}'>['${p.name}']`),
    ...(op.hasBody ? [`body: Body<'${op.operationId}'>`] : []),
    ...(op.hasQuery ? [`query?: Query<'${op.operationId}'>`] : []),
    `options?: ${op.options}`,
  ];
}

function callOf(op: SurfaceOperation): string {
  const params = [
    ...(op.pathParams.length > 0
      ? [`path: { ${op.pathParams.map((p) => `${p.name}: ${p.variable}`).join(', ')} }`]
      : []),
    ...(op.hasQuery ? ['query'] : []),
  ];
  const init = [...(params.length > 0 ? [`params: { ${params.join(', ')} }`] : []), ...(op.hasBody ? ['body'] : [])];
  const fetchInit = init.length > 0 ? `{ ${init.join(', ')}, ...init }` : 'init';
  // The key is chosen here, not by the transport, so every error of the call can carry it.
  const options =
    op.options === 'IdempotentOptions'
      ? '{ ...options, idempotencyKey: options?.idempotencyKey ?? randomId() }'
      : 'options';
  return `call<${op.result}>(${options}, (init) => client.${op.httpMethod.toUpperCase()}('${op.path}', ${fetchInit}))`;
}

function resourceFunction(resource: string, operations: SurfaceOperation[]): string {
  const own = operations.filter((o) => o.resource === resource && !o.handwrittenSdk);
  const lists = own.filter((o) => o.paginated);
  const locals = lists.map(
    (o) =>
      `  const ${o.method}Pages = paginated(\n    (${sdkParameters(o).join(', ')}) =>\n      ${callOf(o)},\n    ${o.pathParams.length},\n  );\n`,
  );
  const members = own.flatMap((o) =>
    o.paginated
      ? [
          `    ${doc(o)}\n    ${o.method}: ${o.method}Pages.list,`,
          `    /** Every item of ${o.operationId}, page after page (\`.pages()\` for whole pages). */\n    ${o.iterateMethod}: ${o.method}Pages.iterate,`,
        ]
      : [`    ${doc(o)}\n    ${o.method}: (${sdkParameters(o).join(', ')}) =>\n      ${callOf(o)},`],
  );
  const parts = own.length > 0 ? '{ client, call }' : '_parts';
  return `/** The generated methods of \`sdk.${resource}\`. */
export function ${resource}Operations(${parts}: ClientParts) {
${locals.join('')}  return {
${members.join('\n')}
  };
}
`;
}

export function renderSdkResources(surface: Surface): string {
  const { operations, resources } = surface;
  const generated = operations.filter((o) => !o.handwrittenSdk);
  const schemas = [...new Set(generated.map((o) => o.resultSchema).filter((s): s is string => s !== undefined))].sort();
  const typeImports = ['Body', 'Data', 'PathParams', 'Query'].filter((t) =>
    generated.some((o) => sdkParameters(o).join().includes(`${t}<`) || o.result.startsWith(`${t}<`)),
  );
  const optionTypes = [...new Set(generated.map((o) => o.options))].sort();
  const complete = resources.filter((r) => !operations.some((o) => o.resource === r && o.handwrittenSdk));
  const partial = resources.filter((r) => !complete.includes(r));
  return `${GENERATED_HEADER}import type { ${optionTypes.join(', ')} } from '../call.js';
import type { ClientParts } from '../client.js';
${generated.some((o) => o.options === 'IdempotentOptions') ? "import { randomId } from '../ids.js';\n" : ''}${generated.some((o) => o.paginated) ? "import { paginated } from '../pagination.js';\n" : ''}${schemas.length > 0 ? `import type { ${schemas.join(', ')} } from '../schemas.js';\n` : ''}${typeImports.length > 0 ? `import type { ${typeImports.join(', ')} } from '../types.js';\n` : ''}
/** Every resource of the facade: \`sdk.<name>\`. */
export type ResourceName = ${resources.map((r) => `'${r}'`).join(' | ')};

${resources.map((r) => resourceFunction(r, operations)).join('\n')}
/**
 * The resources made of generated methods only. ${
   partial.length > 0
     ? `The others (${partial.join(', ')}) add
 * hand-written methods in sdk/src/resources/ and are composed in storefront.ts.`
     : ''
 }
 */
export function generatedResources(parts: ClientParts) {
  return {
${complete.map((r) => `    ${r}: ${r}Operations(parts),`).join('\n')}
  };
}
`;
}

export function renderOperationMethods(surface: Surface): string {
  return `${GENERATED_HEADER}import type { Storefront } from '../storefront.js';
import type { OperationId } from '../types.js';
import type { ResourceName } from './resources.js';

type MethodPath = { [R in ResourceName]: \`\${R}.\${Extract<keyof Storefront[R], string>}\` }[ResourceName];

/**
 * Which facade method calls each operation of the contract. \`satisfies\`
 * makes the compiler refuse a missing operation or a method that does not
 * exist (a hand-written one forgotten in sdk/src/resources/).
 */
export const operationMethods = {
${surface.operations.map((o) => `  ${o.operationId}: '${o.resource}.${o.method}',`).join('\n')}
} as const satisfies Record<OperationId, MethodPath>;
`;
}

export function renderSchemas(surface: Surface): string {
  const lines = surface.schemas.map(({ name, form, items }) => {
    if (form === 'alias') return `export type ${name} = Schemas['${name}'];`;
    if (items) return `export interface ${name} extends Schema<'${name}'> {\n  items: ${items}[];\n}`;
    return `export interface ${name} extends Schema<'${name}'> {}`;
  });
  return `${GENERATED_HEADER}// One named type per schema of the contract, so callers write \`Product\`
// rather than \`components['schemas']['Product']\`. Object schemas are
// interfaces that extend the generated type and add nothing: an alias of an
// indexed type prints (in errors and tooltips) as the whole expanded object,
// an interface prints as its name. Unions and scalars stay aliases. A page
// names its items' type (the compiler checks that it is the generated one).
import type { components } from '../contract.js';

type Schemas = components['schemas'];
/** An interface's \`extends\` takes a name with type arguments, not an indexed type. */
type Schema<K extends keyof Schemas> = Schemas[K];

${lines.join('\n')}
`;
}
