import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay, startOfWeek } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  applyDueOffset,
  boardBounds,
  clampToWorkingHours,
  DEFAULT_WORKING_HOURS,
  dueOnDay,
  startOfWorkday,
  type WorkingHours,
} from './club-time.ts';

const STOCKHOLM = 'Europe/Stockholm';
const NEW_YORK = 'America/New_York';
const at = (iso: string) => new Date(iso);
const days = (amount: number) => ({ unit: 'days', amount }) as const;

describe('when a workflow’s next step is due (T-5)', () => {
  it('lands "in 2 days" entered at 23:35 at the start of the working day, not at 23:35', () => {
    // Wednesday 11 March 2026, 23:35 in Stockholm (CET, UTC+1) → Friday 13 March 10:00.
    const late = at('2026-03-11T22:35:00Z');
    expect(applyDueOffset(late, days(2), STOCKHOLM).toISOString()).toBe('2026-03-13T09:00:00.000Z');
    const early = at('2026-03-11T06:05:00Z');
    expect(applyDueOffset(early, days(2), STOCKHOLM).toISOString()).toBe(
      '2026-03-13T09:00:00.000Z',
    );
  });

  it('counts club calendar days across the change to summer time', () => {
    // Friday 27 March 23:35 CET → Sunday 29 March 10:00 CEST (UTC+2), the night the clocks go on.
    expect(applyDueOffset(at('2026-03-27T22:35:00Z'), days(2), STOCKHOLM).toISOString()).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    // New York: Friday 6 March 23:35 EST (already Saturday in UTC) → Sunday 8 March 10:00 EDT.
    expect(applyDueOffset(at('2026-03-07T04:35:00Z'), days(2), NEW_YORK).toISOString()).toBe(
      '2026-03-08T14:00:00.000Z',
    );
    // And back: Stockholm's Saturday 24 October 23:35 CEST → Monday 26 October 10:00 CET.
    expect(applyDueOffset(at('2026-10-24T21:35:00Z'), days(2), STOCKHOLM).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('uses the club’s own start of the working day, for days and the next working day', () => {
    const hours: WorkingHours = { start: '08:30', end: null };
    const friday = at('2026-03-13T22:35:00Z'); // Friday 23:35 in Stockholm
    expect(applyDueOffset(friday, days(1), STOCKHOLM, hours).toISOString()).toBe(
      '2026-03-14T07:30:00.000Z',
    );
    expect(
      applyDueOffset(friday, { unit: 'next_working_day', amount: 0 }, STOCKHOLM, hours),
    ).toEqual(at('2026-03-16T07:30:00Z'));
    expect(
      applyDueOffset(friday, { unit: 'next_working_day', amount: 0 }, NEW_YORK).toISOString(),
    ).toBe('2026-03-16T14:00:00.000Z');
  });

  it('keeps minutes and hours (and "0 days": at once) as they are without an end of day', () => {
    const late = at('2026-03-11T22:35:00Z');
    expect(applyDueOffset(late, { unit: 'hours', amount: 2 }, STOCKHOLM)).toEqual(
      at('2026-03-12T00:35:00Z'),
    );
    expect(applyDueOffset(late, { unit: 'minutes', amount: 30 }, STOCKHOLM)).toEqual(
      at('2026-03-11T23:05:00Z'),
    );
    expect(applyDueOffset(late, days(0), STOCKHOLM)).toEqual(late);
  });

  it('moves minutes and hours into the working day when it has an end', () => {
    const hours: WorkingHours = { start: '09:00', end: '20:00' };
    const evening = at('2026-03-11T17:30:00Z'); // 18:30 in Stockholm
    // 18:30 + 1 h = 19:30: inside, kept.
    expect(applyDueOffset(evening, { unit: 'hours', amount: 1 }, STOCKHOLM, hours)).toEqual(
      at('2026-03-11T18:30:00Z'),
    );
    // 18:30 + 3 h = 21:30: after the end → tomorrow 09:00.
    expect(applyDueOffset(evening, { unit: 'hours', amount: 3 }, STOCKHOLM, hours)).toEqual(
      at('2026-03-12T08:00:00Z'),
    );
    // 23:35 + 30 min = 00:05: before the start → that day's 09:00.
    expect(
      applyDueOffset(at('2026-03-11T22:35:00Z'), { unit: 'minutes', amount: 30 }, STOCKHOLM, hours),
    ).toEqual(at('2026-03-12T08:00:00Z'));
    // The end itself is still inside.
    expect(clampToWorkingHours(at('2026-03-11T19:00:00Z'), STOCKHOLM, hours)).toEqual(
      at('2026-03-11T19:00:00Z'),
    );
    // Saturday evening moves to Sunday: a club is open at weekends.
    expect(clampToWorkingHours(at('2026-03-14T20:00:00Z'), STOCKHOLM, hours)).toEqual(
      at('2026-03-15T08:00:00Z'),
    );
    expect(
      clampToWorkingHours(at('2026-03-14T20:00:00Z'), STOCKHOLM, DEFAULT_WORKING_HOURS),
    ).toEqual(at('2026-03-14T20:00:00Z'));
  });

  it('reads a date field as that club day at the start of the working day', () => {
    expect(startOfWorkday('2026-03-14', STOCKHOLM, DEFAULT_WORKING_HOURS)).toEqual(
      at('2026-03-14T09:00:00Z'),
    );
    expect(startOfWorkday('2026-03-29', STOCKHOLM, { start: '07:45', end: null })).toEqual(
      at('2026-03-29T05:45:00Z'),
    );
    const planned = startOfWorkday('2026-03-14', NEW_YORK, DEFAULT_WORKING_HOURS);
    expect(applyDueOffset(planned, days(2), NEW_YORK)).toEqual(at('2026-03-16T14:00:00Z'));
  });
});

describe('afterQuietHours', () => {
  const zone = 'Europe/Stockholm';
  const at = (iso: string) => new Date(iso);
  it('moves a time inside quiet hours to their end, on the club clock', () => {
    const evening = { from: '21:00', to: '08:00' };
    // 22:30 Stockholm (winter, UTC+1) → 08:00 next morning.
    expect(afterQuietHours(at('2026-12-07T21:30:00Z'), zone, evening).toISOString()).toBe(
      '2026-12-08T07:00:00.000Z',
    );
    // 06:00 local → 08:00 the same morning; 12:00 stays.
    expect(afterQuietHours(at('2026-12-08T05:00:00Z'), zone, evening).toISOString()).toBe(
      '2026-12-08T07:00:00.000Z',
    );
    expect(afterQuietHours(at('2026-12-08T11:00:00Z'), zone, evening).toISOString()).toBe(
      '2026-12-08T11:00:00.000Z',
    );
    const lunch = { from: '12:00', to: '13:00' };
    expect(afterQuietHours(at('2026-12-08T11:30:00Z'), zone, lunch).toISOString()).toBe(
      '2026-12-08T12:00:00.000Z',
    );
    expect(afterQuietHours(at('2026-12-08T11:30:00Z'), zone, null).toISOString()).toBe(
      '2026-12-08T11:30:00.000Z',
    );
  });
  it('keeps the local end across a DST change', () => {
    // 28 March 2027 (spring forward in Europe): 23:00 local on the 27th → 08:00 CEST (06:00Z).
    expect(
      afterQuietHours(at('2027-03-27T22:00:00Z'), zone, {
        from: '21:00',
        to: '08:00',
      }).toISOString(),
    ).toBe('2027-03-28T06:00:00.000Z');
  });
});

describe("the board's day boundaries", () => {
  /** What boardBounds computes, on the club's calendar, every time afresh. */
  const expected = (t: number, timezone: string) => {
    const local = new TZDate(t, timezone);
    const today = startOfDay(local);
    const dayStart = (d: Date) => new Date(startOfDay(d).getTime());
    return {
      now: new Date(t),
      startToday: new Date(today.getTime()),
      startTomorrow: dayStart(addDays(today, 1)),
      startDayAfter: dayStart(addDays(today, 2)),
      startNextWeek: dayStart(addDays(startOfWeek(local, { weekStartsOn: 1 }), 7)),
    };
  };
  // Summer time starts and ends, a midnight that does not exist (Santiago), odd offsets.
  const zones = [STOCKHOLM, NEW_YORK, 'America/Santiago', 'Asia/Kathmandu', 'Pacific/Apia', 'UTC'];
  const around = [
    '2026-03-08T07:00:00Z',
    '2026-03-29T01:00:00Z',
    '2026-09-06T04:00:00Z',
    '2026-10-25T01:00:00Z',
    '2026-12-31T23:00:00Z',
  ].map((iso) => Date.parse(iso));
  const HOURS_36 = 36 * 3_600_000;

  it('are those of the moment asked about, in any order of moments and timezones', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            zone: fc.constantFrom(...zones),
            base: fc.constantFrom(...around),
            offset: fc.integer({ min: -HOURS_36, max: HOURS_36 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (moments) => {
          for (const { zone, base, offset } of moments) {
            const t = base + offset;
            expect(boardBounds(new Date(t), zone)).toEqual(expected(t, zone));
          }
        },
      ),
    );
  });

  it('start the day after a midnight that does not exist at its own midnight', () => {
    // Santiago springs forward at 00:00 on 6 September 2026: that day starts at 01:00 (-03,
    // 04:00 UTC), the next one at 00:00 (03:00 UTC), not an hour later.
    const santiago = 'America/Santiago';
    const sunday = boardBounds(at('2026-09-06T15:00:00Z'), santiago);
    expect(sunday.startToday).toEqual(at('2026-09-06T04:00:00Z'));
    expect(sunday.startTomorrow).toEqual(at('2026-09-07T03:00:00Z'));
    expect(sunday.startNextWeek).toEqual(at('2026-09-07T03:00:00Z'));
    // In the hour after Monday's midnight it is Monday, on the cached day or afresh.
    expect(boardBounds(at('2026-09-07T03:00:40Z'), santiago).startToday).toEqual(
      at('2026-09-07T03:00:00Z'),
    );
  });

  it('are the next day’s from the first millisecond after midnight, and their own each time', () => {
    // Monday 30 March 2026 in Stockholm (CEST, UTC+2) begins at 22:00 UTC on Sunday.
    const sunday = boardBounds(at('2026-03-29T21:59:59.999Z'), STOCKHOLM);
    const monday = boardBounds(at('2026-03-29T22:00:00.000Z'), STOCKHOLM);
    expect(sunday.startTomorrow).toEqual(at('2026-03-29T22:00:00Z'));
    expect(sunday.startNextWeek).toEqual(at('2026-03-29T22:00:00Z'));
    expect(monday.startToday).toEqual(at('2026-03-29T22:00:00Z'));
    expect(monday.startNextWeek).toEqual(at('2026-04-05T22:00:00Z'));
    // A caller changing its dates does not change the next caller's.
    monday.startTomorrow.setUTCFullYear(2000);
    expect(boardBounds(at('2026-03-30T08:00:00Z'), STOCKHOLM).startTomorrow).toEqual(
      at('2026-03-30T22:00:00Z'),
    );
  });
});

describe('dueOnDay', () => {
  const open = { start: '09:00', end: null };

  it('is the start of the working day, or the day’s last minute once that has passed', () => {
    expect(dueOnDay('2026-03-10', STOCKHOLM, open, at('2026-03-10T06:00:00Z'))).toEqual(
      at('2026-03-10T08:00:00Z'),
    );
    expect(dueOnDay('2026-03-10', STOCKHOLM, open, at('2026-03-10T12:00:00Z'))).toEqual(
      at('2026-03-10T22:59:00Z'),
    );
    expect(
      dueOnDay(
        '2026-03-10',
        STOCKHOLM,
        { start: '09:00', end: '17:00' },
        at('2026-03-10T12:00:00Z'),
      ),
    ).toEqual(at('2026-03-10T16:00:00Z'));
  });

  it('ends a day that began after a midnight that does not exist at its own last minute', () => {
    // Santiago springs forward at 00:00 on 6 September 2026: that day runs from 01:00 (-03,
    // 04:00 UTC) to 23:59 (02:59 UTC on the 7th), not to 00:59 on the 7th.
    const santiago = 'America/Santiago';
    expect(dueOnDay('2026-09-06', santiago, open, at('2026-09-06T15:00:00Z'))).toEqual(
      at('2026-09-07T02:59:00Z'),
    );
    // The day before ends where the missing midnight would have been.
    expect(dueOnDay('2026-09-05', santiago, open, at('2026-09-05T15:00:00Z'))).toEqual(
      at('2026-09-06T03:59:00Z'),
    );
  });
});
