import { isIP } from 'node:net';
import { AppError } from '../../lib/errors.ts';

/**
 * Slows password guessing without locking the account's owner out (decision 0011). Failed
 * logins are counted per client address and account, and per client address:
 * - one address may fail `freePerPair` times at one account; after that each further attempt
 *   waits twice as long as the one before (1 s, 2 s, 4 s … up to `maxDelayMs`);
 * - one address may fail `maxPerAddress` times across all accounts within `windowMs`, then it
 *   waits until the oldest of those failures is `windowMs` old.
 * Nothing is counted per account alone, so failures from an attacker's address never stop the
 * owner logging in from theirs. An attempt counts as failed from the moment it starts until it
 * succeeds, so parallel guesses cannot all slip past the check.
 *
 * Kept in memory: a restart forgets the counts, which only ever helps a legitimate user;
 * with several instances each one counts its own share.
 */
export interface LimiterOptions {
  /** How long a failure is remembered. */
  windowMs: number;
  /** Failures of one address at one account before the delays start. */
  freePerPair: number;
  /** Failures of one address, whatever the accounts, within the window. */
  maxPerAddress: number;
  /** The longest delay between attempts of one address at one account. */
  maxDelayMs?: number;
  now?: () => number;
}

/** What the server uses. */
export const LOGIN_LIMITS: LimiterOptions = {
  windowMs: 15 * 60 * 1000,
  freePerPair: 5,
  maxPerAddress: 30,
  maxDelayMs: 15 * 60 * 1000,
};

export interface LoginAttempt {
  /** Seconds until this address may try this account again; 0: go ahead. */
  retryAfter: number;
  /** The password was right: forget this address's failures at this account. */
  succeeded(): void;
}

const FIRST_DELAY_MS = 1000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxDelayMs: number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
    this.maxDelayMs = opts.maxDelayMs ?? opts.windowMs;
  }

  /**
   * Starts a login attempt of `ip` at `email`. When allowed, it counts as a failure until
   * `succeeded()`; when not, nothing is counted.
   */
  attempt(email: string, ip: string): LoginAttempt {
    const source = addressKey(ip);
    const pair = `p:${source}\n${email}`;
    const address = `a:${source}`;
    const wait = Math.max(this.pairWait(pair), this.addressWait(address));
    if (wait > 0) return { retryAfter: Math.ceil(wait / 1000), succeeded: () => {} };
    const at = this.now();
    this.push(pair, at);
    this.push(address, at);
    if (this.failures.size > 100_000) this.prune();
    return {
      retryAfter: 0,
      succeeded: () => {
        this.failures.delete(pair);
        // The address keeps its other failures: one good account must not launder them.
        const list = this.failures.get(address);
        const i = list?.lastIndexOf(at) ?? -1;
        if (list && i >= 0) list.splice(i, 1);
      },
    };
  }

  /** Growing delay after the free failures of one address at one account. */
  private pairWait(key: string): number {
    const list = this.recent(key);
    const over = list.length - this.opts.freePerPair;
    if (over < 0) return 0;
    const delay = Math.min(this.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 30));
    return Math.max(0, list[list.length - 1]! + delay - this.now());
  }

  /** Refusal until the window slides, once an address has failed too often. */
  private addressWait(key: string): number {
    const list = this.recent(key);
    const max = this.opts.maxPerAddress;
    if (list.length < max) return 0;
    const oldestCounted = list[list.length - max]!;
    return Math.max(1000, oldestCounted + this.opts.windowMs - this.now());
  }

  private push(key: string, at: number) {
    const list = this.recent(key);
    list.push(at);
    this.failures.set(key, list);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of this.failures.keys()) {
      const list = this.recent(key);
      if (list.length === 0) this.failures.delete(key);
      else this.failures.set(key, list);
    }
  }
}

/**
 * The part of a client address that identifies one client: an IPv4 address (also when written
 * IPv4-mapped), or an IPv6 address's /64 — one home or one server gets a whole /64, so counting
 * single IPv6 addresses would hand an attacker endless fresh budgets.
 */
export function addressKey(ip: string): string {
  const bare = ip.split('%')[0]!;
  if (isIP(bare) !== 6) return bare;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail takes two groups; only the first four groups matter here.
  const width = right.some((g) => g.includes('.')) ? right.length + 1 : right.length;
  const groups = [
    ...left,
    ...Array<string>(Math.max(0, 8 - left.length - width)).fill('0'),
    ...right,
  ];
  return `${groups
    .slice(0, 4)
    .map((g) => (g.includes('.') ? g : Number.parseInt(g || '0', 16).toString(16)))
    .join(':')}::/64`;
}

/** 429 with the seconds to wait, for the login routes. */
export const rateLimited = (retryAfter: number) =>
  new AppError(429, 'rate_limited', 'Too many failed attempts. Try again later.', undefined, {
    headers: { 'retry-after': String(retryAfter) },
  });
