// One virtual shopper: registers and logs in once (a session of its own),
// then acts until told to stop, each action drawn at random with the drill's
// mix: browse and search about 70%, log in again and look at the account
// about 10%, order and wait for the outcome about 15%, admin work about 5%
// (with an admin session of the shop's staff). A short pause between
// actions stands for a person reading the page.
import { randomUUID } from 'node:crypto';
import { type Catalogue, CATEGORIES, SEARCH_WORDS } from './catalogue.js';
import type { FleetClient } from './client.js';
import { CREATED_STOCK, type Ledger, RESTOCK } from './ledger.js';

export interface ShopContext {
  client: FleetClient;
  catalogue: Catalogue;
  ledger: Ledger;
  /** Access tokens of the staff's admin sessions. */
  adminTokens: string[];
  /** Mean pause between two actions, ms. */
  thinkMs: number;
  running(): boolean;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const chance = (p: number) => Math.random() < p;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Shopper {
  private token: string | undefined;
  private readonly email: string;
  private readonly password = 'Shopper#Pass1234';

  constructor(
    private readonly ctx: ShopContext,
    readonly index: number,
    runId: string,
  ) {
    this.email = `shopper${index}.${runId}@storefront.test`;
  }

  /** Registers and logs in; false when either failed (the shopper then sits the drill out). */
  async enter(): Promise<boolean> {
    const username = this.email.split('@')[0]!.replace(/\./g, '_');
    const registered = await this.ctx.client.call('registerUser', 'POST', '/auth/register', {
      body: { username, email: this.email, password: this.password, full_name: `Shopper ${this.index}` },
      expect: [201],
    });
    if (registered?.status !== 201) return false;
    return this.login();
  }

  async shop(): Promise<void> {
    while (this.ctx.running()) {
      const r = Math.random();
      if (r < 0.7) await this.browse();
      else if (r < 0.8) await this.account();
      else if (r < 0.95) await this.order();
      else await this.admin();
      await sleep(Math.random() * 2 * this.ctx.thinkMs);
    }
  }

  private anyProduct(): number {
    const { ample, scarce, created } = this.ctx.catalogue;
    if (created.length > 0 && chance(0.05)) return pick(created);
    return chance(0.1) ? pick(scarce) : pick(ample);
  }

  private async browse(): Promise<void> {
    const { client } = this.ctx;
    if (chance(0.5)) {
      await client.call('getProduct', 'GET', `/products/${this.anyProduct()}`);
      return;
    }
    const query = new URLSearchParams({ page: String(1 + Math.floor(Math.random() * 3)) });
    query.set('page_size', pick(['10', '20', '50']));
    if (chance(0.4)) query.set('search', pick(SEARCH_WORDS));
    if (chance(0.3)) query.set('category', pick(CATEGORIES));
    if (chance(0.2)) {
      const low = Math.floor(Math.random() * 300);
      query.set('min_price', String(low));
      query.set('max_price', String(low + 50 + Math.floor(Math.random() * 150)));
    }
    if (chance(0.2)) query.set('in_stock', 'true');
    if (chance(0.5)) query.set('sort', pick(['created_at', '-created_at', 'price', '-price', 'name', '-name']));
    await client.call('listProducts', 'GET', `/products?${query}`);
  }

  private async login(): Promise<boolean> {
    const answer = await this.ctx.client.call('login', 'POST', '/auth/login', {
      body: { email: this.email, password: this.password },
    });
    if (answer?.status !== 200) return false;
    this.token = answer.json.access_token as string;
    return true;
  }

  /** Half the time a look at the account; otherwise a fresh login, the account, and the old session ended. */
  private async account(): Promise<void> {
    const { client } = this.ctx;
    if (chance(0.5)) {
      await client.call('getCurrentUser', 'GET', '/auth/me', { token: this.token });
      return;
    }
    const old = this.token;
    if (!(await this.login())) return;
    await client.call('getCurrentUser', 'GET', '/auth/me', { token: this.token });
    await client.call('logout', 'POST', '/auth/logout', { token: old });
  }

  private async order(): Promise<void> {
    const { client, ledger } = this.ctx;
    const ids = new Set(Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => this.anyProduct()));
    const body = {
      items: [...ids].map((product_id) => ({ product_id, quantity: 1 + Math.floor(Math.random() * 3) })),
      shipping_address: `${this.index} Fleet Street, Drilltown`,
    };
    const key = randomUUID();
    const place = (op: string) =>
      client.call('createOrder', 'POST', '/orders', {
        token: this.token,
        body,
        headers: { 'idempotency-key': key },
        expect: [201],
        recordAs: op,
      });
    // A client that got no answer, or a 5xx, tries again with the same key, as the SDK does.
    let placed = await place('createOrder');
    for (let attempt = 1; attempt <= 3 && (!placed || placed.status >= 500); attempt++) {
      await sleep(200 * attempt);
      placed = await place('createOrder (retry)');
    }
    if (placed?.status !== 201) return;
    const id = placed.json.id as number;
    ledger.orderAccepted(key, id);
    // Now and then a client repeats a request it already has an answer to.
    if (chance(0.1)) {
      const again = await place('createOrder (replay)');
      if (again?.status === 201) ledger.orderAccepted(key, again.json.id as number);
    }
    const outcome = await client.call('getOrder', 'GET', `/orders/${id}`, {
      token: this.token,
      headers: { prefer: 'wait=5' },
    });
    if (outcome?.status === 200) ledger.orderSeen(id, outcome.json.status as string);
  }

  private async admin(): Promise<void> {
    const { client, catalogue, ledger } = this.ctx;
    const token = this.ctx.adminTokens[this.index % this.ctx.adminTokens.length];
    const r = Math.random();
    if (r < 0.25) {
      const created = await client.call('createProduct', 'POST', '/products', {
        token,
        expect: [201],
        body: {
          name: `Fleet product ${randomUUID().slice(0, 8)}`,
          description: 'Added by the staff during the drill',
          price: 5 + Math.floor(Math.random() * 200),
          stock: CREATED_STOCK,
          category: pick(CATEGORIES),
        },
      });
      if (created?.status === 201) {
        ledger.created.add(created.json.id as number);
        catalogue.created.push(created.json.id as number);
      }
    } else if (r < 0.6) {
      await client.call('updateProduct', 'PATCH', `/products/${this.anyProduct()}`, {
        token,
        body: {
          price: 5 + Math.floor(Math.random() * 200) + 0.99,
          description: `Repriced ${new Date().toISOString()}`,
        },
      });
    } else await this.restock(token);
  }

  /** Read, then add RESTOCK units if nothing changed since (If-Match), as a stock-keeping screen would. */
  private async restock(token: string | undefined): Promise<void> {
    const { client, catalogue, ledger } = this.ctx;
    const id = chance(0.7) ? pick(catalogue.scarce) : this.anyProduct();
    const current = await client.call('getProduct', 'GET', `/products/${id}`, {
      token,
      recordAs: 'getProduct (admin)',
    });
    const etag = current?.headers.etag;
    if (current?.status !== 200 || typeof etag !== 'string') return;
    const res = await client.call('updateProduct', 'PATCH', `/products/${id}`, {
      token,
      headers: { 'if-match': etag },
      body: { stock: (current.json.stock as number) + RESTOCK },
      expect: [200, 412],
      recordAs: 'restock',
    });
    // 200: applied once. 412: changed meanwhile and nothing applied, unless the
    // balancer retried it (its first try may have been applied). No answer or a
    // 5xx: either. Other 4xx: refused, nothing applied.
    const retried = Number(res?.headers['x-retries'] ?? 0) > 0;
    if (res?.status === 200) ledger.restocked(id, true);
    else if (!res || res.status >= 500 || (res.status === 412 && retried)) ledger.restocked(id, false);
  }
}
