import { BlockList, isIP } from 'node:net';

/**
 * Which reverse proxies' X-Forwarded-* headers to believe (`TRUST_PROXY`): none, a number of
 * hops, or the proxies' own addresses. The client address is then the entry that many hops from
 * the right of X-Forwarded-For (or the right-most one not sent by a listed proxy) — never the
 * left-most, which the client writes itself.
 */
export type TrustProxy = number | readonly string[];

/** proxy-addr's names for the private ranges, accepted in an address list. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

/** Loopback, private, link-local or carrier-grade NAT: where a reverse proxy of ours sits. */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** An entry of an address list: an address, a CIDR range or one of proxy-addr's names. */
export function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's `trustProxy` for the configuration. Fastify refuses a bare hop count (it cannot
 * tell whether the connection came through the proxy at all), so a count trusts that many hops
 * only when the connection itself comes from a private address: a client that reaches the
 * server directly from the internet cannot forge X-Forwarded-For.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust.length > 0 ? [...trust] : false;
  if (trust <= 0) return false;
  const hops = trust;
  return (address, hop) => hop < hops && (hop > 0 || isPrivateAddress(address));
}
