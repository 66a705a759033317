import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';

const WINDOW = 15 * 60 * 1000;

describe('LoginLimiter', () => {
  const make = (now: { t: number }) =>
    new LoginLimiter({ windowMs: WINDOW, maxPerEmail: 10, maxPerIp: 30, now: () => now.t });

  it('allows ten failures per email and refuses the eleventh attempt', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 10; i++) {
      expect(limiter.retryAfter('a@x.se', `10.0.0.${i}`)).toBe(0);
      limiter.recordFailure('a@x.se', `10.0.0.${i}`);
      now.t += 1000;
    }
    const wait = limiter.retryAfter('a@x.se', '10.0.0.99');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(WINDOW / 1000);
    expect(limiter.retryAfter('b@x.se', '10.0.0.99')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 10; i++) limiter.recordFailure('a@x.se', '1.1.1.1');
    now.t += WINDOW + 1;
    expect(limiter.retryAfter('a@x.se', '1.1.1.1')).toBe(0);
  });

  it('limits one address trying many emails', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 30; i++) limiter.recordFailure(`u${i}@x.se`, '2.2.2.2');
    expect(limiter.retryAfter('fresh@x.se', '2.2.2.2')).toBeGreaterThan(0);
    expect(limiter.retryAfter('fresh@x.se', '3.3.3.3')).toBe(0);
  });

  it('a success clears the email’s failures', () => {
    const limiter = make({ t: 0 });
    for (let i = 0; i < 9; i++) limiter.recordFailure('a@x.se', '1.1.1.1');
    limiter.recordSuccess('a@x.se');
    limiter.recordFailure('a@x.se', '1.1.1.1');
    expect(limiter.retryAfter('a@x.se', '4.4.4.4')).toBe(0);
  });
});
