/**
 * Counts failed logins in a sliding window, per email and per client address.
 * Kept in memory: a restart forgets the counts, which only ever helps a legitimate user;
 * with several instances each one counts its own share.
 */
export interface LimiterOptions {
  windowMs: number;
  maxPerEmail: number;
  maxPerIp: number;
  now?: () => number;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfter(email: string, ip: string): number {
    const wait = Math.max(
      this.waitFor(`e:${email}`, this.opts.maxPerEmail),
      this.waitFor(`i:${ip}`, this.opts.maxPerIp),
    );
    return Math.ceil(wait / 1000);
  }

  recordFailure(email: string, ip: string): void {
    for (const key of [`e:${email}`, `i:${ip}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  recordSuccess(email: string): void {
    this.failures.delete(`e:${email}`);
  }

  private waitFor(key: string, max: number): number {
    const list = this.recent(key);
    if (list.length < max) return 0;
    const oldestCounted = list[list.length - max]!;
    return Math.max(1000, oldestCounted + this.opts.windowMs - this.now());
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
