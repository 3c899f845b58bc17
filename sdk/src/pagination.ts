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

/** `list` plus its `iterate`, for every list operation. `list` keeps its type: an ApiPromise like every method. */
export function paginated<Q extends { page?: number }, P extends ListPage<unknown>>(
  list: (query?: Q, options?: RequestOptions) => ApiPromise<P>,
) {
  return {
    /** One page. */
    list,
    /** Every item matching the filters, page after page (`.pages()` for whole pages). */
    iterate: (query: Q = {} as Q, options?: RequestOptions) =>
      new PageIterator<P['items'][number], P>((page) => list({ ...query, page }, options), query.page),
  };
}
