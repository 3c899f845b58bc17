// Walks every page of a list operation: `for await (const user of sdk.users.iterate())`
// yields items, `.pages()` yields whole pages. Pages are fetched lazily, one at a time.
import type { ApiPromise, RequestOptions } from './call.js';

export interface ListPage<Item> {
  items: Item[];
  has_next: boolean;
}

export class PageIterator<Item, P extends ListPage<Item> = ListPage<Item>> implements AsyncIterable<Item> {
  readonly #fetchPage: (page: number) => PromiseLike<P>;
  readonly #firstPage: number;

  constructor(fetchPage: (page: number) => PromiseLike<P>, firstPage = 1) {
    this.#fetchPage = fetchPage;
    this.#firstPage = firstPage;
  }

  async *pages(): AsyncGenerator<P, void, undefined> {
    for (let page = this.#firstPage; ; page += 1) {
      const current = await this.#fetchPage(page);
      yield current;
      if (!current.has_next || current.items.length === 0) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects every item (mind the size of what you list). */
  async toArray(): Promise<Item[]> {
    const all: Item[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}

/**
 * `list` plus its `iterate`, for every list operation. `list` keeps its type:
 * an ApiPromise like every method. A list under path parameters
 * (`listDeliveries(endpointId, query?, options?)`) says how many lead its
 * arguments; `iterate` takes the same ones.
 */
export function paginated<Path extends unknown[], Q extends { page?: number }, P extends ListPage<unknown>>(
  list: (...args: [...path: Path, query?: Q, options?: RequestOptions]) => ApiPromise<P>,
  pathCount: Path['length'] = 0,
) {
  return {
    /** One page. */
    list,
    /** Every item matching the filters, from `query.page` (default 1) on (`.pages()` for whole pages). */
    iterate: (...args: [...path: Path, query?: Q, options?: RequestOptions]) => {
      const path = args.slice(0, pathCount) as Path;
      const [query = {} as Q, options] = args.slice(pathCount) as [Q?, RequestOptions?];
      return new PageIterator<P['items'][number], P>((page) => list(...path, { ...query, page }, options), query.page);
    },
  };
}
