import { describe, expect, it } from 'vitest';
import { botReason, fillToken, MIN_FILL_MS, SubmissionLimiter } from './spam.ts';

const SECRET = 'x'.repeat(64);
const FORM = '0190a8a8-0000-7000-8000-000000000001';
const OTHER = '0190a8a8-0000-7000-8000-000000000002';
const at = (ms: number) => new Date(Date.UTC(2026, 11, 7, 9) + ms);

describe('what looks like a bot', () => {
  const token = fillToken(SECRET, FORM, at(0));
  const check = (body: { honeypot?: string; token?: string }, ms: number, form = FORM) =>
    botReason(SECRET, form, { honeypot: body.honeypot ?? '', token: body.token ?? '' }, at(ms));

  it('lets a person through after the minimum fill time, for a day', () => {
    expect(check({ token }, MIN_FILL_MS)).toBeNull();
    expect(check({ token }, 23 * 3600_000)).toBeNull();
  });

  it('refuses the hidden field filled, a fast or stale send, and a missing, forged or borrowed token', () => {
    expect(check({ token, honeypot: 'http://x' }, 60_000)).toBe('honeypot');
    expect(check({ token }, MIN_FILL_MS - 1)).toBe('too_fast');
    expect(check({ token }, 25 * 3600_000)).toBe('expired');
    expect(check({}, 60_000)).toBe('token');
    expect(check({ token: `${token.slice(0, -2)}AA` }, 60_000)).toBe('token');
    expect(check({ token }, 60_000, OTHER)).toBe('token');
    expect(botReason('y'.repeat(64), FORM, { honeypot: '', token }, at(60_000))).toBe('token');
  });
});

describe('submission limits', () => {
  it('counts per address (an IPv6 client by its /64) and per form', () => {
    const limiter = new SubmissionLimiter({ perAddress: 2, perForm: 3, windowMs: 60_000 });
    expect(limiter.attempt('2001:db8:1:2::1', FORM)).toBe(0);
    expect(limiter.attempt('2001:db8:1:2::ffff', FORM)).toBe(0);
    expect(limiter.attempt('2001:db8:1:2:3::9', FORM)).toBeGreaterThan(0);
    expect(limiter.attempt('198.51.100.7', FORM)).toBe(0);
    expect(limiter.attempt('198.51.100.8', FORM)).toBeGreaterThan(0);
    expect(limiter.attempt('198.51.100.8', OTHER)).toBe(0);
  });
});
