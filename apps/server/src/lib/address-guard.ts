import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Every address a host name resolves to (injectable: tests resolve names their own way). */
export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Where a webhook must never go unless the allow-list says so (decision 0027): this machine,
 * private and shared networks, link-local (cloud metadata at 169.254.169.254 and
 * fd00:ec2::254), multicast, documentation and reserved ranges, and IPv6 forms that embed an
 * IPv4 address (NAT64, 6to4, Teredo), which could smuggle any of those. An IPv4-mapped address
 * (::ffff:a.b.c.d) is checked as its IPv4 address: `BlockList` does that itself, and would
 * match every IPv4 address against a ::ffff:0:0/96 rule.
 */
const FORBIDDEN: Array<[string, number, 'ipv4' | 'ipv6']> = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 127, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 32, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const forbidden = new BlockList();
for (const [net, prefix, type] of FORBIDDEN) forbidden.addSubnet(net, prefix, type);

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Whether a block list holds the address; one it cannot read (a zone id …) counts as held. */
function holds(list: BlockList, address: string): boolean {
  if (!isIP(address)) return true;
  try {
    return list.check(address, familyOf(address));
  } catch {
    return true;
  }
}

/** `SPOTTER_WEBHOOK_ALLOW_HOSTS`: host names, addresses and CIDR ranges a webhook may reach. */
export class AllowList {
  readonly #hosts = new Set<string>();
  readonly #nets = new BlockList();
  #hasNets = false;

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      const [net, bits] = entry.split('/');
      if (net && isIP(net)) {
        const type = familyOf(net);
        const prefix = bits === undefined ? (type === 'ipv6' ? 128 : 32) : Number(bits);
        this.#nets.addSubnet(net, prefix, type);
        this.#hasNets = true;
      } else {
        this.#hosts.add(entry);
      }
    }
  }

  /** Whether the entry is well formed: a host name, an address or address/prefix. */
  static isEntry(raw: string): boolean {
    const entry = raw.trim().replace(/^\[|\]$/g, '');
    const [net, bits, extra] = entry.split('/');
    if (extra !== undefined || !net) return false;
    if (isIP(net)) {
      if (bits === undefined) return true;
      const max = isIP(net) === 6 ? 128 : 32;
      return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
    }
    return bits === undefined && /^[a-z0-9.-]+$/i.test(net);
  }

  host(name: string): boolean {
    return this.#hosts.has(name.toLowerCase());
  }

  address(address: string): boolean {
    return this.#hasNets && isIP(address) !== 0 && holds(this.#nets, address);
  }
}

/** A webhook's target may not be reached; `reason` says why in words for the delivery log. */
export class RefusedTarget extends Error {}

export interface CheckedTarget {
  url: URL;
  /** The address the connection must use: the one that was checked (no second DNS answer). */
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host now, at send time, and answers the address to connect to, or
 * throws RefusedTarget when any address it resolves to is forbidden and not allowed.
 */
export async function checkTarget(
  rawUrl: string,
  opts: { resolver: Resolver; allow: AllowList },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new RefusedTarget('The address is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RefusedTarget('Only http and https addresses are used');
  }
  return { url, ...(await checkHost(url.hostname, { ...opts, who: 'webhooks' })) };
}

/**
 * Resolves a host now and answers the address to connect to, or throws RefusedTarget when any
 * address it resolves to is forbidden and not allowed (`who` names the sender in the reason).
 */
export async function checkHost(
  rawHost: string,
  opts: { resolver: Resolver; allow: AllowList; who: string },
): Promise<{ address: string; family: 4 | 6 }> {
  const host = rawHost.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await opts.resolver(host);
    } catch {
      throw new RefusedTarget(`The host name ${host} does not resolve`);
    }
  }
  const first = addresses[0];
  if (!first) throw new RefusedTarget(`The host name ${host} does not resolve`);
  if (!opts.allow.host(host)) {
    for (const { address } of addresses) {
      if (holds(forbidden, address)) {
        if (opts.allow.address(address)) continue;
        throw new RefusedTarget(
          `${host} resolves to ${address}, a private or reserved address that ${opts.who} may not reach`,
        );
      }
    }
  }
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
