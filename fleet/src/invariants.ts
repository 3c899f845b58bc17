// The invariants, checked after the workload stops, against the database
// (directly) and the ledger of what shoppers were told:
// - every order answered 201 reaches a final state;
// - stock is conserved;
// - one order per Idempotency-Key;
// - a session revoked on one instance is refused by every instance at once.
import pg from 'pg';
import type { Catalogue } from './catalogue.js';
import { type Check, check } from './check.js';
import { CREATED_STOCK, type Ledger, RESTOCK, stockAccounted } from './ledger.js';
import type { Topology } from './topology.js';

export const FINAL = ['completed', 'failed', 'cancelled', 'shipped', 'delivered'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sample = (ids: Iterable<unknown>) => [...ids].slice(0, 10).join(', ');

/** Waits (bounded) until no order is pending or processing; returns how long it took. */
async function settle(db: pg.Client, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const { rows } = await db.query<{ open: string }>(
      `select count(*) as open from orders where status in ('pending', 'processing')`,
    );
    if (Number(rows[0]?.open) === 0) break;
    await sleep(500);
  }
  return Date.now() - started;
}

async function ordersFinal(db: pg.Client, ledger: Ledger): Promise<Check[]> {
  const { rows } = await db.query<{ id: number; status: string }>(`select id, status from orders`);
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const notFinal = [...ledger.accepted].filter((id) => !FINAL.includes(status.get(id) ?? 'missing'));
  const contradicted = [...ledger.seen].filter(([id, seen]) => FINAL.includes(seen) && status.get(id) !== seen);
  const unseen = rows.filter((r) => !ledger.accepted.has(r.id));
  const unseenOpen = unseen.filter((r) => !FINAL.includes(r.status));
  return [
    check(
      'every order answered 201 reaches a final state',
      notFinal.length === 0 && unseenOpen.length === 0,
      `${ledger.accepted.size} accepted, ${notFinal.length} not final${notFinal.length ? ` (${sample(notFinal)})` : ''}; ` +
        `${unseen.length} orders whose 201 no shopper saw (answer lost), ${unseenOpen.length} of them not final`,
      true,
    ),
    check(
      'a final status a shopper saw never changes',
      contradicted.length === 0,
      `${ledger.seen.size} statuses seen, ${contradicted.length} differ now${contradicted.length ? ` (${sample(contradicted.map(([id]) => id))})` : ''}`,
      true,
    ),
  ];
}

async function stockConserved(db: pg.Client, ledger: Ledger, catalogue: Catalogue): Promise<Check> {
  const { rows } = await db.query<{ id: number; name: string; stock: number; reserved: string | null }>(
    `select p.id, p.name, p.stock,
            (select sum(oi.quantity) from order_items oi join orders o on o.id = oi.order_id
              where oi.product_id = p.id and o.stock_reserved) as reserved
       from products p`,
  );
  const wrong: string[] = [];
  let uncertain = 0;
  for (const p of rows) {
    const initial =
      catalogue.initialStock.get(p.id) ?? (p.name.startsWith('Fleet product') ? CREATED_STOCK : undefined);
    const changes = ledger.stock.get(p.id) ?? { confirmed: 0, uncertain: 0 };
    uncertain += changes.uncertain;
    if (initial === undefined) {
      wrong.push(`#${p.id} unknown product`);
      continue;
    }
    const reserved = Number(p.reserved ?? 0);
    if (!stockAccounted({ current: p.stock, initial, reserved, changes })) {
      const expected = initial - reserved + changes.confirmed;
      wrong.push(
        `#${p.id} has ${p.stock}, expected ${expected}${changes.uncertain ? ` (+ up to ${changes.uncertain} × ${RESTOCK})` : ''}`,
      );
    }
  }
  const restocks = [...ledger.stock.values()].reduce((n, c) => n + c.confirmed / RESTOCK, 0);
  return check(
    'stock is conserved (initial − reserved by orders + restocks = current)',
    wrong.length === 0,
    `${rows.length} products, ${restocks} confirmed restocks, ${uncertain} uncertain; ${wrong.length} wrong${wrong.length ? `: ${wrong.slice(0, 5).join('; ')}` : ''}`,
    true,
  );
}

async function onePerKey(db: pg.Client, ledger: Ledger): Promise<Check> {
  const twice = [...ledger.keys].filter(([, ids]) => ids.size > 1);
  const { rows: duplicated } = await db.query<{ key: string }>(
    `select idempotency_key as key from orders where idempotency_key is not null
      group by user_id, idempotency_key having count(*) > 1`,
  );
  const { rows: keyless } = await db.query<{ n: string }>(
    `select count(*) as n from orders where idempotency_key is null`,
  );
  const { rows: keyed } = await db.query<{ key: string; id: number }>(
    `select idempotency_key as key, id from orders where idempotency_key = any($1)`,
    [[...ledger.keys.keys()]],
  );
  const stored = new Map(keyed.map((r) => [r.key, r.id]));
  const mismatched = [...ledger.keys].filter(([key, ids]) => !ids.has(stored.get(key) ?? -1));
  const keylessCount = Number(keyless[0]?.n);
  return check(
    'one order per Idempotency-Key',
    twice.length === 0 && duplicated.length === 0 && keylessCount === 0 && mismatched.length === 0,
    `${ledger.keys.size} keys answered 201; ${twice.length} answered with two orders, ${duplicated.length} stored twice, ` +
      `${mismatched.length} stored under another order than answered, ${keylessCount} orders without a key (every shopper sends one)`,
    true,
  );
}

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : {} };
}

/**
 * For each instance: a session used on every instance (so each has it cached),
 * logged out on that instance, then `/auth/me` on every instance at once,
 * bypassing the balancer: each must refuse it.
 */
async function revocation(topo: Topology, trials: number, runId: string): Promise<Check> {
  const api = (port: number) => `http://127.0.0.1:${port}/api/v1`;
  const account = { email: `revocation.${runId}@storefront.test`, password: 'Revocation#Probe1' };
  const reg = await json(`${topo.lb.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, username: `revocation_${runId}` }),
  });
  if (reg.status !== 201)
    return check('a revoked session is refused by every instance at once', false, `register ${reg.status}`, true);
  let refused = 0;
  let asked = 0;
  const accepted: string[] = [];
  for (let t = 0; t < trials; t++)
    for (const origin of topo.apis) {
      const login = await json(`${topo.lb.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      const auth = { authorization: `Bearer ${login.body.access_token as string}` };
      for (const a of topo.apis) await json(`${api(a.port)}/auth/me`, { headers: auth });
      const out = await json(`${api(origin.port)}/auth/logout`, { method: 'POST', headers: auth });
      if (out.status !== 200) {
        accepted.push(`logout on ${origin.name}: ${out.status}`);
        continue;
      }
      const after = await Promise.all(topo.apis.map((a) => json(`${api(a.port)}/auth/me`, { headers: auth })));
      after.forEach((res, i) => {
        asked++;
        if (res.status === 401) refused++;
        else accepted.push(`logged out on ${origin.name}, ${topo.apis[i]!.name} answered ${res.status}`);
      });
    }
  return check(
    'a session revoked on one instance is refused by every instance at once',
    refused === asked && accepted.length === 0,
    `${refused} of ${asked} requests refused right after the logout${accepted.length ? `; ${accepted.slice(0, 5).join('; ')}` : ''}`,
    true,
  );
}

export async function checkInvariants(o: {
  topo: Topology;
  ledger: Ledger;
  catalogue: Catalogue;
  settleOrdersMs: number;
  revocationTrials: number;
  runId: string;
  log(line: string): void;
}): Promise<{ checks: Check[]; settledMs: number }> {
  const db = new pg.Client({ connectionString: o.topo.postgres.url });
  await db.connect();
  try {
    const settledMs = await settle(db, o.settleOrdersMs);
    o.log(`orders settled in ${(settledMs / 1000).toFixed(1)} s`);
    const checks = [
      ...(await ordersFinal(db, o.ledger)),
      await stockConserved(db, o.ledger, o.catalogue),
      await onePerKey(db, o.ledger),
      await revocation(o.topo, o.revocationTrials, o.runId),
    ];
    return { checks, settledMs };
  } finally {
    await db.end();
  }
}
