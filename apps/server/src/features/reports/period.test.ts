import { describe, expect, it } from 'vitest';
import { resolvePeriod } from './period.ts';

const at = (iso: string) => new Date(iso);
const days = (p: { fromDay: string; toDay: string }) => [p.fromDay, p.toDay];

describe('resolvePeriod', () => {
  it('takes "today" from the club zone, not from UTC', () => {
    // 23:30 UTC on 5 Dec is already 6 Dec in Stockholm and still 5 Dec in New York.
    const now = at('2026-12-05T23:30:00Z');
    expect(days(resolvePeriod({ preset: 'today' }, 'Europe/Stockholm', now))).toEqual([
      '2026-12-06',
      '2026-12-06',
    ]);
    expect(days(resolvePeriod({ preset: 'today' }, 'America/New_York', now))).toEqual([
      '2026-12-05',
      '2026-12-05',
    ]);
  });

  it('starts weeks on Monday and compares with the week before', () => {
    const p = resolvePeriod(
      { preset: 'this-week' },
      'Europe/Stockholm',
      at('2026-12-06T12:00:00Z'),
    );
    expect(days(p)).toEqual(['2026-11-30', '2026-12-06']);
    expect(days(p.previous)).toEqual(['2026-11-23', '2026-11-29']);
    const last = resolvePeriod(
      { preset: 'last-week' },
      'Europe/Stockholm',
      at('2026-12-06T12:00:00Z'),
    );
    expect(days(last)).toEqual(['2026-11-23', '2026-11-29']);
  });

  it('compares a month with the calendar month before, however long', () => {
    const p = resolvePeriod({ preset: 'this-month' }, 'UTC', at('2026-03-15T12:00:00Z'));
    expect(days(p)).toEqual(['2026-03-01', '2026-03-31']);
    expect(days(p.previous)).toEqual(['2026-02-01', '2026-02-28']);
    const last = resolvePeriod({ preset: 'last-month' }, 'UTC', at('2026-01-10T12:00:00Z'));
    expect(days(last)).toEqual(['2025-12-01', '2025-12-31']);
    expect(days(last.previous)).toEqual(['2025-11-01', '2025-11-30']);
  });

  it('knows quarters and years', () => {
    const q = resolvePeriod({ preset: 'this-quarter' }, 'UTC', at('2026-05-20T00:00:00Z'));
    expect(days(q)).toEqual(['2026-04-01', '2026-06-30']);
    expect(days(q.previous)).toEqual(['2026-01-01', '2026-03-31']);
    const y = resolvePeriod({ preset: 'this-year' }, 'UTC', at('2026-05-20T00:00:00Z'));
    expect(days(y.previous)).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('places a custom period across a daylight-saving change at the club midnights', () => {
    // Stockholm moves to summer time on 29 March 2026: that day has 23 hours.
    const p = resolvePeriod(
      { preset: 'custom', from: '2026-03-28', to: '2026-03-29' },
      'Europe/Stockholm',
      at('2026-04-10T00:00:00Z'),
    );
    expect(p.from.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(p.to.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(days(p.previous)).toEqual(['2026-03-26', '2026-03-27']);
    expect(p.previous.to.getTime()).toBe(p.from.getTime());
  });
});
