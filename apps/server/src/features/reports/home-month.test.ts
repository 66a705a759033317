import { describe, expect, it } from 'vitest';
import { clubMonth } from './home-month.ts';

describe('clubMonth: a month of the club’s calendar', () => {
  it('is the month the club is in, not UTC’s, and the next one across a year’s end', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    const now = new Date('2026-12-31T23:30:00Z');
    expect(clubMonth(now, 'Europe/Stockholm', 0)).toMatchObject({
      month: '2027-01',
      firstDay: '2027-01-01',
      lastDay: '2027-01-31',
      from: new Date('2026-12-31T23:00:00Z'),
      to: new Date('2027-01-31T23:00:00Z'),
    });
    expect(clubMonth(now, 'America/New_York', 0).month).toBe('2026-12');
    expect(clubMonth(now, 'America/New_York', 1)).toMatchObject({
      month: '2027-01',
      lastDay: '2027-01-31',
    });
  });

  it('ends a month that changes its clocks at the club’s midnight in the new offset', () => {
    const march = clubMonth(new Date('2026-03-15T12:00:00Z'), 'Europe/Stockholm', 0);
    expect(march.from).toEqual(new Date('2026-02-28T23:00:00Z'));
    expect(march.to).toEqual(new Date('2026-03-31T22:00:00Z'));
    expect(march.lastDay).toBe('2026-03-31');
  });
});
