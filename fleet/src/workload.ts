// The crowd: the staff's admin sessions and N shoppers, let in a few at a
// time (registration and login hash passwords, the costliest requests), then
// shopping until stopped. Bounded: every loop ends when `stop` is called.
import type { Catalogue } from './catalogue.js';
import type { FleetClient } from './client.js';
import type { Ledger } from './ledger.js';
import { Shopper } from './shopper.js';
import { ADMIN } from './topology.js';

export interface Workload {
  shoppers: number;
  stop(): Promise<void>;
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}

export async function startWorkload(o: {
  client: FleetClient;
  catalogue: Catalogue;
  ledger: Ledger;
  shoppers: number;
  staff: number;
  thinkMs: number;
  runId: string;
}): Promise<Workload> {
  const adminTokens: string[] = [];
  for (let i = 0; i < o.staff; i++) {
    const answer = await o.client.call('login', 'POST', '/auth/login', { body: ADMIN, recordAs: 'login (admin)' });
    if (answer?.status !== 200) throw new Error(`admin login failed: ${answer?.status ?? 'no answer'}`);
    adminTokens.push(answer.json.access_token as string);
  }
  let running = true;
  const ctx = { ...o, adminTokens, running: () => running };
  const crowd = Array.from({ length: o.shoppers }, (_, i) => new Shopper(ctx, i + 1, o.runId));
  const inside: Shopper[] = [];
  await inBatches(crowd, 8, async (s) => {
    if (await s.enter()) inside.push(s);
  });
  if (inside.length < crowd.length) throw new Error(`${crowd.length - inside.length} shoppers could not register`);
  const loops = inside.map((s) => s.shop());
  return {
    shoppers: inside.length,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}
