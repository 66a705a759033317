import { describe, expect, it } from 'vitest';
import { addressKey, LOGIN_LIMITS, LoginLimiter } from './login-limiter.ts';

const WINDOW = 15 * 60 * 1000;

describe('LoginLimiter', () => {
  const make = (now: { t: number }) => new LoginLimiter({ ...LOGIN_LIMITS, now: () => now.t });
  /** One failed attempt; its Retry-After (0 when it was let through and failed). */
  const fail = (limiter: LoginLimiter, email: string, ip: string) =>
    limiter.attempt(email, ip).retryAfter;

  it('lets one address fail five times at an account, then makes it wait longer each time', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 5; i++) expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = fail(limiter, 'a@x.se', '1.1.1.1');
      expect(wait).toBeGreaterThan(0);
      waits.push(wait);
      now.t += wait * 1000;
      expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('caps the delay and forgets failures older than the window', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 25; i++) limiter.attempt('a@x.se', '1.1.1.1');
    now.t += 1;
    // 25 attempts, but only the 5 free ones got through: the next waits a second after them.
    expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBe(1);
    for (let i = 0; i < 20; i++) {
      now.t += fail(limiter, 'a@x.se', '1.1.1.1') * 1000;
      limiter.attempt('a@x.se', '1.1.1.1');
    }
    expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBeLessThanOrEqual(WINDOW / 1000);
    now.t += WINDOW + 1;
    expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBe(0);
  });

  it('never holds back the same account from another address', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 20; i++) limiter.attempt('a@x.se', '6.6.6.6');
    expect(fail(limiter, 'a@x.se', '6.6.6.6')).toBeGreaterThan(0);
    const owner = limiter.attempt('a@x.se', '10.0.0.1');
    expect(owner.retryAfter).toBe(0);
    owner.succeeded();
  });

  it('refuses an address that failed at too many accounts until the window slides', () => {
    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 30; i++) expect(fail(limiter, `u${i}@x.se`, '2.2.2.2')).toBe(0);
    expect(fail(limiter, 'fresh@x.se', '2.2.2.2')).toBe(WINDOW / 1000);
    expect(fail(limiter, 'fresh@x.se', '3.3.3.3')).toBe(0);
    now.t += WINDOW + 1;
    expect(fail(limiter, 'fresh@x.se', '2.2.2.2')).toBe(0);
  });

  it('a success forgets that address’s failures at that account, not at others', () => {
    const limiter = make({ t: 0 });
    for (let i = 0; i < 4; i++) limiter.attempt('a@x.se', '1.1.1.1');
    for (let i = 0; i < 20; i++) limiter.attempt(`u${i}@x.se`, '1.1.1.1');
    limiter.attempt('a@x.se', '1.1.1.1').succeeded();
    for (let i = 0; i < 5; i++) expect(fail(limiter, 'a@x.se', '1.1.1.1')).toBe(0);
    // 4 + 20 + 5 failures: the address has one left of its 30.
    expect(fail(limiter, 'b@x.se', '1.1.1.1')).toBe(0);
    expect(fail(limiter, 'c@x.se', '1.1.1.1')).toBeGreaterThan(0);
  });

  it('counts an attempt as failed while it runs, so parallel guesses cannot all pass', () => {
    const limiter = make({ t: 0 });
    const started = Array.from({ length: 20 }, () => limiter.attempt('a@x.se', '1.1.1.1'));
    expect(started.filter((a) => a.retryAfter === 0)).toHaveLength(5);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');

    const now = { t: 0 };
    const limiter = make(now);
    for (let i = 0; i < 30; i++) limiter.attempt(`u${i}@x.se`, `2001:db8:1:2::${i.toString(16)}`);
    expect(fail(limiter, 'fresh@x.se', '2001:db8:1:2:ffff::9')).toBeGreaterThan(0);
    expect(fail(limiter, 'fresh@x.se', '2001:db8:1:3::9')).toBe(0);
  });
});
