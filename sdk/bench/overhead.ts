// Per-request overhead of the SDK against bare fetch, same server, same run:
// GET /health (no auth, not rate limited), alternating the three clients in
// rounds so drift hits them alike; reports the median per request.
// Run against a running server: STOREFRONT_URL=http://127.0.0.1:3000/api/v1 npx tsx bench/overhead.ts [N]
import { createClient, createStorefront } from '@storefront/sdk';

const baseUrl = process.env.STOREFRONT_URL ?? 'http://127.0.0.1:3000/api/v1';
const n = Number(process.argv[2] ?? 2000);
const sdk = createStorefront({ baseUrl });
const raw = createClient({ baseUrl });

const contenders: Record<string, () => Promise<unknown>> = {
  'bare fetch': () => fetch(`${baseUrl}/health`).then((r) => r.json()),
  'createClient (layer 1)': () => raw.GET('/health'),
  'sdk.health.get() (layer 2)': () => sdk.health.get(),
};

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let i = 0; i < 200; i += 1) for (const call of Object.values(contenders)) await call(); // warm up
for (let i = 0; i < n; i += 1) {
  for (const [name, call] of Object.entries(contenders)) {
    const start = performance.now();
    await call();
    samples[name]?.push(performance.now() - start);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const base = median(samples['bare fetch'] ?? []);
console.log(`GET /health, ${n} requests each, median per request (Node ${process.version}):`);
for (const [name, xs] of Object.entries(samples)) {
  const m = median(xs);
  console.log(
    `  ${name.padEnd(28)} ${(m * 1000).toFixed(0).padStart(6)} µs  (${m === base ? 'baseline' : `+${((m - base) * 1000).toFixed(0)} µs`})`,
  );
}
