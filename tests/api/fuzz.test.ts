// Contract fuzzing: for every operation, requests derived from its schemas
// (valid ones, and ones broken in the body, a path id, a query value, a header,
// the raw bytes or the size of the body: tens of thousands of wrong items,
// hundreds of 1000-character unknown fields, past 1 MiB; a bad header or an
// oversized body comes with a token that may call the operation), anonymous,
// as a user, as an admin and with a garbage
// token. Every response: no 5xx, a status the operation declares, content type
// and body as declared; and invalid input is never accepted. Fixed seed
// (FUZZ_SEED), FUZZ_RUNS per operation; a failure prints a curl command.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect } from 'vitest';
import type { Database } from '../../server/src/db/database.js';
import type { TestClient } from '../helpers/test-client.js';
import { createPasswordHasher } from '../../server/src/identity/passwords.js';
import { createProduct } from '../helpers/catalogue.js';
import { appTest } from '../helpers/fixtures.js';
import { allOperations, checkResponse, type OperationRef } from '../helpers/contract.js';
import { createAdmin, login, PASSWORD, registerUser, type TestUser } from '../helpers/factories.js';
import { placeOrder, QUEUE_ENV } from '../helpers/orders.js';
import { createWebhookFixtures, WEBHOOK_FIXTURE_ENV } from '../helpers/webhooks.js';
import { type FuzzPools, type FuzzRequest, fuzzModel } from './fuzz/fuzz-model.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);

let sent = 0;
const statuses = new Map<number, number>();

/** What the fuzzer aims at: the app, the two users whose tokens it sends, and real rows for every path id. */
interface Target {
  app: FastifyInstance;
  db: Kysely<Database>;
  api: TestClient;
  admin: TestUser;
  user: TestUser;
  pools: FuzzPools;
}

const test = appTest({ ...QUEUE_ENV, ...WEBHOOK_FIXTURE_ENV }).extend(
  'target',
  { scope: 'file' },
  async ({ api, app, db }): Promise<Target> => {
    // Fixture ids far from the small numbers fuzzed ids coerce to (" 1", true, 1e3).
    await sql`select setval(pg_get_serial_sequence('users', 'id'), 5000000)`.execute(db);
    const admin = await createAdmin(api, db);
    const user = await registerUser(api);
    // Users the fuzzer may update, demote or delete; never the two whose tokens it uses.
    const victims = await Promise.all([1, 2, 3, 4, 5].map(() => registerUser(api)));
    const products = [];
    for (let i = 0; i < 4; i += 1) products.push(await createProduct(api, admin.token, { stock: 1000 }));
    const orders = [];
    for (const p of products) orders.push(await placeOrder(api, user.token, [{ product_id: p.id, quantity: 1 }]));
    const webhooks = [await createWebhookFixtures(api, admin.token), await createWebhookFixtures(api, admin.token)];
    const ids = {
      endpoint_id: webhooks.map((w) => w.endpointId),
      delivery_id: webhooks.map((w) => w.deliveryId),
      user_id: victims.map((v) => v.id),
      product_id: products.map((p) => p.id),
      order_id: orders.map((o) => o.id),
    };
    return { app, db, api, admin, user, pools: { ids } };
  },
);

afterAll(() => {
  console.log(
    `fuzz: ${sent} requests, seed ${SEED}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
  );
});

/**
 * Puts the fixture users back when fuzzed requests changed them (logout,
 * password change, or a coerced path id such as " 1" reaching them), and logs
 * them in again.
 */
async function heal({ app, db, api, admin, user }: Target): Promise<void> {
  for (const [who, role] of [
    [user, 'user'],
    [admin, 'admin'],
  ] as const) {
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${who.token}` },
    });
    if (me.statusCode === 200 && JSON.parse(me.body).email === who.email) continue;
    const passwordHash = await createPasswordHasher(4).hash(PASSWORD);
    await db
      .updateTable('users')
      .set({ email: who.email, username: who.username, password_hash: passwordHash, is_active: true, role })
      .where('id', '=', who.id)
      .execute();
    who.token = (await login(api, who.email, PASSWORD)).access_token;
  }
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** A command that replays the request against a server started with `pnpm start` (tokens from logging in). */
function curlOf(req: FuzzRequest, operationId: string): string {
  const parts = ['curl -sS -i', `-X ${req.method}`, quote(`http://127.0.0.1:3000${req.url}`)];
  if (req.token === 'user' || req.token === 'admin')
    parts.push(`-H "authorization: Bearer $${req.token.toUpperCase()}_TOKEN"`);
  if (req.token === 'garbage') parts.push(`-H 'authorization: Bearer not.a.jwt'`);
  for (const [k, v] of Object.entries(req.headers)) parts.push(`-H ${quote(`${k}: ${v}`)}`);
  if (req.payload !== undefined) {
    if (req.payload.length > 2000) {
      mkdirSync('.artifacts', { recursive: true });
      const file = `.artifacts/fuzz-${operationId}.body`;
      writeFileSync(file, req.payload);
      parts.push(`--data-binary @${file}`);
    } else parts.push(`--data-raw ${quote(req.payload)}`);
  }
  return parts.join(' ');
}

function tokenFor({ admin, user }: Target, kind: FuzzRequest['token']): string | undefined {
  if (kind === 'user') return user.token;
  if (kind === 'admin') return admin.token;
  if (kind === 'garbage') return 'not.a.jwt';
  return undefined;
}

async function send(target: Target, op: OperationRef, req: FuzzRequest): Promise<void> {
  if (sent % 50 === 0) await heal(target);
  sent += 1;
  const token = tokenFor(target, req.token);
  const res = await target.app.inject({
    method: req.method as 'GET',
    url: req.url,
    headers: { ...req.headers, ...(token && { authorization: `Bearer ${token}` }) },
    ...(req.payload !== undefined && { payload: req.payload }),
  });
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
  problems.push(...checkResponse(op, res.statusCode, res.headers['content-type'] as string | undefined, res.body));
  if (!req.valid && res.statusCode >= 200 && res.statusCode < 300)
    problems.push(`accepted invalid input (${req.broken}) with ${res.statusCode}`);
  if (problems.length > 0) {
    throw new Error(
      `${op.operationId} [${req.token} token, ${req.valid ? 'valid' : `invalid ${req.broken}`}]: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}\n` +
        `  response: ${res.body.slice(0, 400)}\n  reproduce: ${curlOf(req, op.operationId)}`,
    );
  }
}

const seedOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

describe('contract fuzzing', () => {
  test.for(allOperations.map((op) => [op.operationId, op] as const))(
    '%s answers every generated request within its contract',
    { timeout: 120_000 },
    async ([_id, op], { target }) => {
      const before = sent;
      await fc.assert(
        fc.asyncProperty(fuzzModel(op, target.pools), (req) => send(target, op, req)),
        { seed: seedOf(op.operationId), numRuns: RUNS, endOnFailure: false, verbose: 0 },
      );
      expect(sent - before).toBeGreaterThanOrEqual(RUNS);
    },
  );

  test(`sent at least ${allOperations.length * RUNS} requests`, () => {
    expect(sent).toBeGreaterThanOrEqual(allOperations.length * RUNS);
    if (process.env.CI) expect(sent).toBeGreaterThanOrEqual(2000);
  });
});
