import { addressKey } from './login-limiter.ts';

/**
 * Counts sign-ups per client address in a sliding window (an IPv6 client by its /64). Each
 * attempt counts, whatever its outcome: it costs a password hash and may create an
 * organization, and every answer tells the asker something about the email it named. Kept in
 * memory, like the login limits (decision 0011).
 */
export interface SignupLimiterOptions {
  windowMs: number;
  maxPerAddress: number;
  now?: () => number;
}

/** What the server uses: a person creates one club, a few typos included. */
export const SIGNUP_LIMITS: SignupLimiterOptions = { windowMs: 60 * 60 * 1000, maxPerAddress: 10 };

export class SignupLimiter {
  private readonly attempts = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: SignupLimiterOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Counts one attempt from `ip`; when over the limit, counts nothing and returns the seconds to wait. */
  attempt(ip: string): number {
    const key = addressKey(ip);
    const now = this.now();
    const since = now - this.opts.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.opts.maxPerAddress) {
      this.attempts.set(key, list);
      const oldestCounted = list[list.length - this.opts.maxPerAddress]!;
      return Math.max(1, Math.ceil((oldestCounted + this.opts.windowMs - now) / 1000));
    }
    list.push(now);
    this.attempts.set(key, list);
    if (this.attempts.size > 100_000) this.prune(since);
    return 0;
  }

  private prune(since: number) {
    for (const [key, list] of this.attempts) {
      const recent = list.filter((t) => t > since);
      if (recent.length === 0) this.attempts.delete(key);
      else this.attempts.set(key, recent);
    }
  }
}
