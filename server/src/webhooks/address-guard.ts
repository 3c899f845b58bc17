// Where a webhook may be sent (server-side request forgery): an endpoint URL
// is checked when it is saved and again at every delivery, and the delivery
// connects to the very address checked here (delivery.ts passes it as the
// socket's `lookup`), so a DNS answer that changes between the check and the
// connection (rebinding) cannot point it inside. node:net's BlockList does
// the range matching, IPv4-mapped IPv6 included.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses no webhook may reach unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // unspecified, "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 onto IPv4
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv6');

/** IPv4-mapped (::ffff:a.b.c.d) is the IPv4 address itself. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

export function isInternalAddress(address: string): boolean {
  const { address: plain, family } = unmapped(address);
  return INTERNAL.check(plain, family);
}

export class RefusedAddress extends Error {}

export interface CheckedTarget {
  url: URL;
  /** The address to connect to: the one checked. */
  address: string;
  family: 4 | 6;
}

export interface GuardOptions {
  production: boolean;
  allowPrivateNetworks: boolean;
  /** Name resolution, replaceable in tests (a hostname that resolves to loopback). */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
}

const resolveAll = (host: string) => lookup(host, { all: true, verbatim: true });

/**
 * The URL's scheme and every address its host resolves to, checked; the
 * first address is the one to connect to. Throws RefusedAddress saying why.
 */
export async function checkTarget(raw: string, options: GuardOptions): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedAddress('is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new RefusedAddress('must use http or https');
  if (options.production && url.protocol !== 'https:') throw new RefusedAddress('must use https');
  if (url.username || url.password) throw new RefusedAddress('must not carry credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (options.resolve ?? resolveAll)(host);
    } catch {
      throw new RefusedAddress(`host ${host} does not resolve`);
    }
  }
  const first = addresses[0];
  if (!first) throw new RefusedAddress(`host ${host} does not resolve`);
  // Every address, not just the first: a host that also resolves inside is refused.
  if (!options.allowPrivateNetworks) {
    const inside = addresses.find((a) => isInternalAddress(a.address));
    if (inside) throw new RefusedAddress(`resolves to ${inside.address}, an internal address`);
  }
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
