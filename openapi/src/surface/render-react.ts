// Renders the React layer's per-operation surface: query keys, query options,
// query and infinite hooks, mutation runners and hooks, the default cache
// effects of each write, and the operation → hook maps. The machinery they
// use (key factories, query/infinite builders, useSdkQuery,
// useStorefrontMutation, applyEffects) stays hand-written.
import { GENERATED_HEADER } from './header.js';
import { type CacheGroup, pascal, type Surface, type SurfaceOperation } from './model.js';

const hookName = (operationId: string) => `use${pascal(operationId)}`;
const doc = (op: SurfaceOperation) => `/** ${op.operationId}${op.summary ? `: ${op.summary}` : ''} */`;
const reads = (s: Surface) => s.operations.filter((o) => o.isRead);
const writes = (s: Surface) => s.operations.filter((o) => !o.isRead);
const pathParams = (op: SurfaceOperation) =>
  op.pathParams.map((p) => `${p.variable}: PathParams<'${op.operationId}'>['${p.name}']`);
const pathArgs = (op: SurfaceOperation) => op.pathParams.map((p) => p.variable);
const filtersType = (op: SurfaceOperation) => `ListFilters<Query<'${op.operationId}'>>`;

/** The type names a file needs from @storefront/sdk, sorted, for its import. */
function sdkTypes(code: string, extra: string[] = []): string {
  const names = new Set(extra);
  for (const match of code.matchAll(/\b(Body|Data|PathParams|Query)</g)) names.add(match[1]!);
  return [...names].sort().join(', ');
}
const resultNames = (ops: SurfaceOperation[]) =>
  ops.map((o) => o.resultSchema).filter((s): s is string => s !== undefined);

function groupOf(surface: Surface, op: SurfaceOperation): CacheGroup {
  const group = surface.groups.find((g) => g.name === op.cache);
  if (!group) throw new Error(`${op.operationId}: no cache group ${op.cache}`);
  return group;
}

export function renderKeys(surface: Surface): string {
  const lines = surface.groups.map(({ name, kind, listOperationId }) => {
    const query = listOperationId ? `Query<'${listOperationId}'>` : 'object';
    if (kind === 'single') return `  ${name}: singleKey('${name}'),`;
    if (kind === 'nested') return `  ${name}: nestedKeys<'${name}', ${query}>('${name}'),`;
    return `  ${name}: resourceKeys<'${name}', ${query}>('${name}'),`;
  });
  const factories = ['nestedKeys', 'resourceKeys', 'singleKey'].filter((f) => lines.some((l) => l.includes(`${f}`)));
  const body = lines.join('\n');
  const types = sdkTypes(body);
  return `${GENERATED_HEADER}${types ? `import type { ${types} } from '@storefront/sdk';\n` : ''}import { ${factories.join(', ')} } from '../key-factories.js';

/** One key group per \`x-storefront-sdk.cache\` of the contract's reads. */
export const generatedKeys = {
${body}
};
`;
}

function queryEntries(surface: Surface, op: SurfaceOperation): string[] {
  const group = groupOf(surface, op);
  const call = `sdk.${op.resource}.${op.method}`;
  const t = op.result;
  const path = pathArgs(op);
  const params = ['sdk: Sdk', ...pathParams(op)];
  switch (op.readShape) {
    case 'single':
      return [
        `  ${op.operationId}: (${params.join(', ')}) =>\n    query(keys.${group.name}(), (signal): PromiseLike<${t}> => ${call}({ signal })),`,
      ];
    case 'detail':
      return [
        `  ${op.operationId}: (${params.join(', ')}) =>\n    query(keys.${group.name}.detail(${path[0]}), (signal): PromiseLike<${t}> => ${call}(${path[0]}, { signal })),`,
      ];
    default: {
      const list = [
        `  ${op.operationId}: (${[...params, `q: Query<'${op.operationId}'> = {}`].join(', ')}) =>\n    query(keys.${group.name}.list(${[...path, 'q'].join(', ')}), (signal): PromiseLike<${t}> => ${call}(${[...path, 'q'].join(', ')}, { signal })),`,
      ];
      if (!op.paginated) return list;
      return [
        ...list,
        `  ${op.operationId}Infinite: (${[...params, `filters: ${filtersType(op)} = {}`].join(', ')}) =>\n    infinite(\n      keys.${group.name}.infinite(${[...path, 'filters'].join(', ')}),\n      (page, signal): PromiseLike<${t}> => ${call}(${[...path, '{ ...filters, page }'].join(', ')}, { signal }),\n    ),`,
      ];
    }
  }
}

export function renderQueries(surface: Surface): string {
  const ops = reads(surface).filter((o) => !o.handwrittenReact);
  const body = ops.flatMap((o) => queryEntries(surface, o)).join('\n');
  const types = sdkTypes(body, [...resultNames(ops), 'Storefront']);
  return `${GENERATED_HEADER}import type { ${types} } from '@storefront/sdk';
${body.includes('ListFilters') ? "import type { ListFilters } from '../key-factories.js';\n" : ''}import { infinite, query } from '../query-options.js';
import { generatedKeys as keys } from './keys.js';

type Sdk = Storefront;

/** Query options per read operation (and an \`…Infinite\` one per paginated list). */
export const generatedQueries = {
${body}
};
`;
}

function queryHooks(op: SurfaceOperation): string[] {
  const t = op.result;
  const path = pathArgs(op);
  const query = op.readShape === 'list' || op.readShape === 'nestedList';
  const params = [...pathParams(op), ...(query ? [`query?: Query<'${op.operationId}'>`] : [])];
  const args = ['sdk', ...path, ...(query ? ['query'] : [])];
  const hook = `${doc(op)}
export function ${hookName(op.operationId)}<S = ${t}>(
  ${[...params, `options?: QueryHookOptions<${t}, S>`].join(',\n  ')},
): UseQueryResult<S, StorefrontError> {
  return useSdkQuery((sdk) => q.${op.operationId}(${args.join(', ')}), options);
}`;
  if (!op.paginated) return [hook];
  return [
    hook,
    `/** ${op.operationId}, every page: \`fetchNextPage()\` loads the next one. */
export function ${hookName(op.operationId)}Infinite(
  ${[...pathParams(op), `filters?: ${filtersType(op)}`, `options?: InfiniteHookOptions<${t}>`].join(',\n  ')},
): UseInfiniteQueryResult<InfiniteData<${t}, number>, StorefrontError> {
  return useInfiniteQuery(
    infiniteHookOptions(q.${op.operationId}Infinite(${['useStorefront()', ...path, 'filters'].join(', ')}), options),
  );
}`,
  ];
}

export function renderQueryHooks(surface: Surface): string {
  const ops = reads(surface);
  const body = ops.flatMap(queryHooks).join('\n');
  const infinite = ops.some((o) => o.paginated);
  const types = sdkTypes(body, [...resultNames(ops), 'StorefrontError']);
  return `${GENERATED_HEADER}import {
${infinite ? '  type InfiniteData,\n  type UseInfiniteQueryResult,\n  useInfiniteQuery,\n' : ''}  type UseQueryResult,
} from '@tanstack/react-query';
import type { ${types} } from '@storefront/sdk';
${infinite ? "import { useStorefront } from '../context.js';\nimport { type InfiniteHookOptions, infiniteHookOptions } from '../hook-options.js';\nimport type { ListFilters } from '../key-factories.js';\n" : ''}import { storefrontQueries as q } from '../queries.js';
import { type QueryHookOptions, useSdkQuery } from '../query-hooks.js';

${body}
`;
}

function runner(op: SurfaceOperation): string {
  const sdk = `Sdk['${op.resource}']['${op.method}']`;
  const fields = [
    ...pathParams(op),
    ...(op.hasBody ? [`body: Body<'${op.operationId}'>`] : []),
    ...(op.hasQuery ? [`query?: Query<'${op.operationId}'>`] : []),
  ];
  const optionsIndex = fields.length;
  const args = [...pathArgs(op), ...(op.hasBody ? ['body'] : []), ...(op.hasQuery ? ['query'] : [])].map(
    (a) => `v.${a}`,
  );
  const options = `options?: Parameters<${sdk}>[${optionsIndex}]`;
  // With nothing to send, \`void\` lets \`mutate()\` be called with no argument.
  const variables = fields.length > 0 ? `{ ${[...fields, options].join('; ')} }` : `{ ${options} } | void`;
  const optionsArg = fields.length > 0 ? 'v.options' : 'v?.options';
  return `  ${op.operationId}: (sdk: Sdk, v: ${variables}) =>\n    sdk.${op.resource}.${op.method}(${[...args, optionsArg].join(', ')}),`;
}

export function renderMutationRunners(surface: Surface): string {
  const body = writes(surface)
    .filter((o) => !o.handwrittenReact)
    .map(runner)
    .join('\n');
  return `${GENERATED_HEADER}import type { ${sdkTypes(body, ['Storefront'])} } from '@storefront/sdk';

type Sdk = Storefront;

/**
 * What each mutation hook sends: one facade call per write operation, with
 * named variables (\`{ orderId }\`, \`{ productId, body }\`) so every hook's
 * \`mutate()\` takes one object. Per-call options pass through to the SDK.
 */
export const generatedRunners = {
${body}
};
`;
}

export function renderMutationHooks(surface: Surface): string {
  const body = writes(surface)
    .map(
      (op) => `${doc(op)}
export function ${hookName(op.operationId)}<R = unknown>(
  options?: MutationHookOptions<'${op.operationId}', R>,
): UseMutationResult<MutationData<'${op.operationId}'>, StorefrontError, MutationVariables<'${op.operationId}'>, R> {
  return useStorefrontMutation('${op.operationId}', options);
}`,
    )
    .join('\n');
  return `${GENERATED_HEADER}import type { UseMutationResult } from '@tanstack/react-query';
import type { StorefrontError } from '@storefront/sdk';
import { type MutationHookOptions, useStorefrontMutation } from '../mutation-hooks.js';
import type { MutationData, MutationVariables } from '../mutation-runners.js';

${body}
`;
}

function keyOf(surface: Surface, target: string): string {
  const [name, part] = target.split('.');
  const group = surface.groups.find((g) => g.name === name);
  if (group?.kind === 'single') return `keys.${name}()`;
  return `keys.${name}.${part ?? 'all'}()`;
}

export function renderEffects(surface: Surface): string {
  const body = writes(surface)
    .map((op) => `  ${op.operationId}: [${op.invalidates.map((t) => keyOf(surface, t)).join(', ')}],`)
    .join('\n');
  return `${GENERATED_HEADER}import type { QueryKey } from '@tanstack/react-query';
import type { MutationOperationId } from '../mutation-runners.js';
import { generatedKeys as keys } from './keys.js';

/**
 * Each write's \`x-storefront-sdk.invalidates\`: the queries it makes stale
 * (prefixes). invalidation.ts refines some (setting the returned resource,
 * dropping a deleted one) and keeps the rest as they are.
 */
export const invalidatedBy = {
${body}
} satisfies Record<MutationOperationId, QueryKey[]>;
`;
}

export function renderOperationHooks(surface: Surface): string {
  const hooks = surface.operations.map(
    (o) => `  ${o.operationId}: ${o.isRead ? 'queries' : 'mutations'}.${hookName(o.operationId)},`,
  );
  const infinite = surface.operations
    .filter((o) => o.paginated)
    .map((o) => `  ${o.operationId}: queries.${hookName(o.operationId)}Infinite,`);
  return `${GENERATED_HEADER}import type { OperationId } from '@storefront/sdk';
import * as mutations from './mutation-hooks.js';
import * as queries from './query-hooks.js';

/** Which hook serves each operation of the contract (\`satisfies\`: none is missing). */
export const operationHooks = {
${hooks.join('\n')}
} as const satisfies Record<OperationId, (...args: never[]) => unknown>;

/** The infinite variant of each paginated list operation. */
export const infiniteHooks = {
${infinite.join('\n')}
} as const satisfies Partial<Record<OperationId, (...args: never[]) => unknown>>;
`;
}
