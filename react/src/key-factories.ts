// The shapes of query keys, one hierarchy for the whole API, so a mutation can
// invalidate by prefix: `products.all()` covers every list, infinite list and
// detail of products; `orders.lists()` every page and infinite list of orders.
// generated/keys.ts gives each cache group of the contract one of them.
export const ROOT = 'storefront';

/** Filters of a list without `page`: an infinite query walks the pages itself. */
export type ListFilters<Q> = Omit<Q, 'page'>;

/** A path parameter's value as keys hold it. */
type Id = number | string;

/** One answer with no parameters (health, the current user). */
export function singleKey<const G extends string>(group: G) {
  return () => [ROOT, group] as const;
}

/** A collection: pages and infinite lists under `lists()`, one item under `detail(id)`. */
export function resourceKeys<const G extends string, Q extends object>(group: G) {
  const all = [ROOT, group] as const;
  return {
    all: () => all,
    lists: () => [...all, 'list'] as const,
    /** One page of the list with these filters. */
    list: (query: Q = {} as Q) => [...all, 'list', 'page', query] as const,
    /** Every page of the list with these filters (an infinite query). */
    infinite: (filters: ListFilters<Q> = {} as ListFilters<Q>) => [...all, 'list', 'infinite', filters] as const,
    details: () => [...all, 'detail'] as const,
    detail: (id: Id) => [...all, 'detail', id] as const,
  };
}

/** A list under a path parameter (an endpoint's deliveries): everything of one parent under `of(parentId)`. */
export function nestedKeys<const G extends string, Q extends object>(group: G) {
  const all = [ROOT, group] as const;
  return {
    all: () => all,
    of: (parentId: Id) => [...all, parentId] as const,
    list: (parentId: Id, query: Q = {} as Q) => [...all, parentId, 'page', query] as const,
    infinite: (parentId: Id, filters: ListFilters<Q> = {} as ListFilters<Q>) =>
      [...all, parentId, 'infinite', filters] as const,
  };
}
