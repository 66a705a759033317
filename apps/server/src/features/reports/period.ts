import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { ReportPreset } from '@spotter/contracts';
import { clubDate, startOfClubDay } from '../../lib/club-time.ts';

/** Club calendar days, both included, and the instants they span ([from, to)). */
export interface PeriodSpan {
  fromDay: string;
  toDay: string;
  from: Date;
  to: Date;
}

export interface ResolvedPeriod extends PeriodSpan {
  /** The period just before: the previous week, month, quarter or year, or as many days. */
  previous: PeriodSpan;
}

export interface PeriodInput {
  preset: ReportPreset;
  from?: string | undefined;
  to?: string | undefined;
}

// Day arithmetic happens on calendar dates held as UTC midnights, where every day has 24 hours;
// only the final instants are placed in the club's zone, so a period across a daylight-saving
// change starts and ends at the club's midnights.
// TZDate in UTC keeps every date-fns helper on calendar days whatever zone the process runs in.
const asDate = (day: string): Date => new TZDate(Date.parse(`${day}T00:00:00Z`), 'UTC');
const asDay = (d: Date) => d.toISOString().slice(0, 10);

function span(fromDay: string, toDay: string, timezone: string): PeriodSpan {
  return {
    fromDay,
    toDay,
    from: startOfClubDay(fromDay, timezone),
    to: startOfClubDay(asDay(addDays(asDate(toDay), 1)), timezone),
  };
}

type Range = [Date, Date];

function presetRange(preset: Exclude<ReportPreset, 'custom'>, today: Date): Range {
  switch (preset) {
    case 'today':
      return [today, today];
    case 'this-week': {
      const start = startOfISOWeek(today);
      return [start, addDays(start, 6)];
    }
    case 'last-week': {
      const start = addDays(startOfISOWeek(today), -7);
      return [start, addDays(start, 6)];
    }
    case 'this-month':
      return [startOfMonth(today), endOfMonth(today)];
    case 'last-month': {
      const prev = addMonths(startOfMonth(today), -1);
      return [prev, endOfMonth(prev)];
    }
    case 'this-quarter':
      return [startOfQuarter(today), endOfQuarter(today)];
    case 'this-year':
      return [startOfYear(today), endOfYear(today)];
  }
}

/** The period before: the same calendar unit one step back, or as many days for the rest. */
function previousRange(preset: ReportPreset, [start, end]: Range): Range {
  switch (preset) {
    case 'this-month':
    case 'last-month': {
      const prev = addMonths(start, -1);
      return [prev, endOfMonth(prev)];
    }
    case 'this-quarter': {
      const prev = addMonths(start, -3);
      return [prev, endOfQuarter(prev)];
    }
    case 'this-year': {
      const prev = addYears(start, -1);
      return [prev, endOfYear(prev)];
    }
    default: {
      const days = differenceInCalendarDays(end, start) + 1;
      return [addDays(start, -days), addDays(start, -1)];
    }
  }
}

/**
 * A report's period in the organization's zone: the preset's club days around `now` (weeks
 * start on Monday), or the custom days as given (the query schema has checked them).
 */
export function resolvePeriod(input: PeriodInput, timezone: string, now: Date): ResolvedPeriod {
  const today = asDate(clubDate(now, timezone));
  const range: Range =
    input.preset === 'custom'
      ? [asDate(input.from ?? asDay(today)), asDate(input.to ?? asDay(today))]
      : presetRange(input.preset, today);
  const [pStart, pEnd] = previousRange(input.preset, range);
  return {
    ...span(asDay(range[0]), asDay(range[1]), timezone),
    previous: span(asDay(pStart), asDay(pEnd), timezone),
  };
}
