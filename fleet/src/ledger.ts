// What the shoppers were told, kept for the invariants: which orders were
// accepted (201) under which Idempotency-Key, the statuses they were seen in,
// and every stock change an admin made, confirmed or uncertain.

/** Stock every product created during the drill starts with (whether or not its creator saw the 201). */
export const CREATED_STOCK = 50;
/** What one restock adds. */
export const RESTOCK = 25;

export interface StockChanges {
  /** Units added by restocks whose 200 the admin saw. */
  confirmed: number;
  /** Restocks that may or may not have been applied (no answer, a 5xx, or a 412 after a balancer retry). */
  uncertain: number;
}

export class Ledger {
  /** Idempotency-Key -> the order ids answered with 201 for it. */
  readonly keys = new Map<string, Set<number>>();
  readonly accepted = new Set<number>();
  /** The last status a shopper saw for an order. */
  readonly seen = new Map<number, string>();
  readonly stock = new Map<number, StockChanges>();
  /** Products the admins created (201 seen). */
  readonly created = new Set<number>();

  orderAccepted(key: string, id: number): void {
    this.accepted.add(id);
    const ids = this.keys.get(key) ?? new Set<number>();
    ids.add(id);
    this.keys.set(key, ids);
  }

  orderSeen(id: number, status: string): void {
    this.seen.set(id, status);
  }

  restocked(productId: number, sure: boolean): void {
    const changes = this.stock.get(productId) ?? { confirmed: 0, uncertain: 0 };
    if (sure) changes.confirmed += RESTOCK;
    else changes.uncertain++;
    this.stock.set(productId, changes);
  }
}

/**
 * Whether a product's current stock is what its history explains: the initial
 * stock, less what orders reserved, plus the confirmed restocks, plus RESTOCK
 * for each of any number (0 to all) of the uncertain ones.
 */
export function stockAccounted(o: {
  current: number;
  initial: number;
  reserved: number;
  changes: StockChanges;
}): boolean {
  const extra = o.current - (o.initial - o.reserved + o.changes.confirmed);
  return extra >= 0 && extra % RESTOCK === 0 && extra / RESTOCK <= o.changes.uncertain;
}
