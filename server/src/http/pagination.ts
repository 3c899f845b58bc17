export interface PageRequest {
  page?: number | undefined;
  page_size?: number | undefined;
}

/** Page and size from a query, with the contract's defaults. */
export function pageParams(q: PageRequest | undefined): { page: number; pageSize: number } {
  return { page: q?.page ?? 1, pageSize: q?.page_size ?? 20 };
}

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number) {
  return { items, total, page, page_size: pageSize, has_next: page * pageSize < total };
}
