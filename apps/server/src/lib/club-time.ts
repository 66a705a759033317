import { TZDate } from '@date-fns/tz';
import { addDays, addHours, addMinutes, isWeekend, startOfDay, startOfWeek } from 'date-fns';
import {
  DEFAULT_WORKDAY_START,
  type BoardColumn,
  type DueOffset,
  type DueState,
} from '@spotter/contracts';

/**
 * "Today" is the club's today (O-3): every boundary here is computed on the
 * organization's calendar, so DST days are 23 or 25 hours long and a week starts on Monday
 * (ISO 8601, as in every language Spotter speaks).
 */
export interface BoardBounds {
  now: Date;
  startToday: Date;
  startTomorrow: Date;
  startDayAfter: Date;
  startNextWeek: Date;
}

/** The hour a card moved on the board gets when it has no time of day of its own. */
export const DEFAULT_HOUR = 10;

/** A club day's boundaries (epoch ms), the last computed for each timezone. */
interface DayBounds {
  startToday: number;
  startTomorrow: number;
  startDayAfter: number;
  startNextWeek: number;
}
const knownDays = new Map<string, DayBounds>();
/** Timezones are a few hundred names; the cap only bounds a caller that makes them up. */
const KNOWN_DAYS_MAX = 1_000;

export function boardBounds(now: Date, timezone: string): BoardBounds {
  // Computing the boundaries on the club's calendar (TZDate asks Intl for the offset at every
  // step) cost a board request about 0.2 ms; they are the same for every moment of that day.
  const t = now.getTime();
  let day = knownDays.get(timezone);
  if (!day || t < day.startToday || t >= day.startTomorrow) {
    day = dayBounds(t, timezone);
    if (knownDays.size >= KNOWN_DAYS_MAX) knownDays.clear();
    knownDays.set(timezone, day);
  }
  return {
    now,
    startToday: new Date(day.startToday),
    startTomorrow: new Date(day.startTomorrow),
    startDayAfter: new Date(day.startDayAfter),
    startNextWeek: new Date(day.startNextWeek),
  };
}

function dayBounds(t: number, timezone: string): DayBounds {
  const local = new TZDate(t, timezone);
  const today = startOfDay(local);
  // Each boundary is a start of day of its own: where a midnight does not exist (Santiago's
  // summer time starts at 00:00), that day starts at 01:00, and a day added to it would keep
  // the 01:00 — the next day would then start an hour late, and a moment in that hour would
  // still get the day before's columns.
  const dayStart = (d: Date) => startOfDay(d).getTime();
  return {
    startToday: today.getTime(),
    startTomorrow: dayStart(addDays(today, 1)),
    startDayAfter: dayStart(addDays(today, 2)),
    startNextWeek: dayStart(addDays(startOfWeek(local, { weekStartsOn: 1 }), 7)),
  };
}

/**
 * T-8: the board column of an open task. No status yet → Unsorted; then by due time:
 * past → Overdue, the rest of today, tomorrow, the rest of this week, later. A task with a
 * status and no due time waits in Later.
 */
export function columnOf(
  task: { statusId: string | null; dueAt: Date | null },
  b: BoardBounds,
): BoardColumn {
  if (task.statusId === null) return 'unsorted';
  if (task.dueAt === null) return 'later';
  const t = task.dueAt.getTime();
  if (t < b.now.getTime()) return 'overdue';
  if (t < b.startTomorrow.getTime()) return 'today';
  if (t < b.startDayAfter.getTime()) return 'tomorrow';
  if (t < b.startNextWeek.getTime()) return 'week';
  return 'later';
}

/** The [from, to) due-time range of a date column; null bounds are open. */
export function columnRange(
  column: Exclude<BoardColumn, 'unsorted'>,
  b: BoardBounds,
): { from: Date | null; to: Date | null } {
  switch (column) {
    case 'overdue':
      return { from: null, to: b.now };
    case 'today':
      return { from: b.now, to: b.startTomorrow };
    case 'tomorrow':
      return { from: b.startTomorrow, to: b.startDayAfter };
    case 'week':
      return { from: b.startDayAfter, to: maxDate(b.startDayAfter, b.startNextWeek) };
    case 'later':
      return { from: maxDate(b.startDayAfter, b.startNextWeek), to: null };
  }
}

/** T-7: overdue red, today blue, later neutral. */
export function dueStateOf(dueAt: Date | null, b: BoardBounds): DueState | null {
  if (dueAt === null) return null;
  const t = dueAt.getTime();
  if (t < b.now.getTime()) return 'overdue';
  if (t < b.startTomorrow.getTime()) return 'today';
  return 'later';
}

/** Whether a card may be dropped on the column now (This week is empty on Saturday and Sunday). */
export function isDroppable(column: BoardColumn, b: BoardBounds): boolean {
  if (column === 'unsorted' || column === 'overdue') return false;
  if (column === 'week') return b.startDayAfter.getTime() < b.startNextWeek.getTime();
  return true;
}

/**
 * Where a card dropped on a column goes: the column's first day at the card's own time of day
 * (10:00 for a card with none). Today at a time already past becomes the next quarter hour.
 * Returns null when the column takes no cards now.
 */
export function moveDueTo(
  column: Exclude<BoardColumn, 'unsorted' | 'overdue'>,
  dueAt: Date | null,
  b: BoardBounds,
  timezone: string,
): Date | null {
  if (!isDroppable(column, b)) return null;
  const day = new TZDate(columnRange(column, b).from!.getTime(), timezone);
  const startDay = column === 'today' ? new TZDate(b.startToday.getTime(), timezone) : day;
  const time = dueAt ? new TZDate(dueAt.getTime(), timezone) : null;
  const target = atTime(startDay, time?.getHours() ?? DEFAULT_HOUR, time?.getMinutes() ?? 0);
  if (column !== 'today' || target.getTime() >= b.now.getTime()) return target;
  const quarter = 15 * 60 * 1000;
  const next = new Date(Math.ceil((b.now.getTime() + 1) / quarter) * quarter);
  // Late in the evening the next quarter hour may be tomorrow: stay on today's last minute.
  return next.getTime() < b.startTomorrow.getTime()
    ? next
    : new Date(b.startTomorrow.getTime() - 60_000);
}

/**
 * The club's working day on its own clock ("HH:MM", CRM settings). Follow-ups counted in days
 * land at `start`; `end` (when set) keeps minute and hour offsets inside [start, end].
 */
export interface WorkingHours {
  start: string;
  end: string | null;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: DEFAULT_WORKDAY_START, end: null };

/**
 * T-5: when a workflow's next task is due, counted from `from` (the moment the result is
 * entered, or the day a date field names at the start of the working day: `startOfWorkday`).
 * - minutes, hours: that much later; with an end of day set, a time outside the working day
 *   moves to the next start (before the start: that day's start; after the end: the next
 *   day's — weekends included, clubs open then). Without an end they keep their time.
 * - days: n club calendar days later at the working day's start (0 days: at once, as above);
 * - next working day: the next Monday–Friday at the start.
 */
export function applyDueOffset(
  from: Date,
  offset: DueOffset,
  timezone: string,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
): Date {
  switch (offset.unit) {
    case 'minutes':
      return clampToWorkingHours(addMinutes(from, offset.amount), timezone, hours);
    case 'hours':
      return clampToWorkingHours(addHours(from, offset.amount), timezone, hours);
    case 'days': {
      if (offset.amount === 0) return clampToWorkingHours(from, timezone, hours);
      const day: TZDate = addDays(startOfDay(new TZDate(from.getTime(), timezone)), offset.amount);
      return atClock(day, hours.start);
    }
    case 'next_working_day': {
      let day: TZDate = addDays(startOfDay(new TZDate(from.getTime(), timezone)), 1);
      while (isWeekend(day)) day = addDays(day, 1);
      return atClock(day, hours.start);
    }
  }
}

/** A time outside [start, end] of the working day moves to the next start; no end, no move. */
export function clampToWorkingHours(at: Date, timezone: string, hours: WorkingHours): Date {
  if (hours.end === null) return at;
  const day: TZDate = startOfDay(new TZDate(at.getTime(), timezone));
  const start = atClock(day, hours.start);
  if (at.getTime() < start.getTime()) return start;
  if (at.getTime() > atClock(day, hours.end).getTime())
    return atClock(addDays(day, 1), hours.start);
  return at;
}

/**
 * The first instant at or after `at` outside the quiet hours [from, to) on the club's clock
 * (SMS campaigns, issue 16). A span past midnight (21:00–08:00) covers the evening and the
 * morning after; null quiet hours change nothing.
 */
export function afterQuietHours(
  at: Date,
  timezone: string,
  quiet: { from: string; to: string } | null,
): Date {
  if (!quiet || quiet.from === quiet.to) return at;
  const day: TZDate = startOfDay(new TZDate(at.getTime(), timezone));
  const t = at.getTime();
  const from = atClock(day, quiet.from).getTime();
  const to = atClock(day, quiet.to).getTime();
  if (quiet.from < quiet.to) return t >= from && t < to ? new Date(to) : at;
  // Overnight: quiet before today's end, or from today's start until tomorrow's end.
  if (t < to) return new Date(to);
  if (t >= from) return atClock(addDays(day, 1), quiet.to);
  return at;
}

/** The club's calendar day (YYYY-MM-DD) at an instant. */
export function clubDate(at: Date, timezone: string): string {
  const d = new TZDate(at.getTime(), timezone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * When work planned for a club day is due (a call round's date): the start of that working
 * day. A day whose start has already passed (a round made for today after opening) is due by
 * its end instead: the end of the working day, else the day's last minute. Due at the
 * start, or at once, every card would turn overdue within minutes of being planned.
 */
export function dueOnDay(isoDate: string, timezone: string, hours: WorkingHours, now: Date): Date {
  const start = startOfWorkday(isoDate, timezone, hours);
  if (start.getTime() >= now.getTime()) return start;
  const day = new TZDate(startOfClubDay(isoDate, timezone).getTime(), timezone);
  const end = hours.end === null ? null : atClock(day, hours.end);
  if (end && end.getTime() > now.getTime()) return end;
  // The next day's own start: a day that began after a midnight that did not exist starts at
  // 01:00, and a day added to that keeps the 01:00.
  return new Date(startOfDay(addDays(day, 1)).getTime() - 60_000);
}

/** A club calendar day (YYYY-MM-DD) at the start of the working day. */
export function startOfWorkday(isoDate: string, timezone: string, hours: WorkingHours): Date {
  return atClock(new TZDate(startOfClubDay(isoDate, timezone).getTime(), timezone), hours.start);
}

/** The instant a club calendar day (YYYY-MM-DD) starts. */
export function startOfClubDay(isoDate: string, timezone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, timezone).getTime());
}

function atTime(day: TZDate, hours: number, minutes: number): Date {
  const t = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    hours,
    minutes,
    day.timeZone!,
  );
  return new Date(t.getTime());
}

/** The day (in its own zone) at an "HH:MM" time. */
function atClock(day: TZDate, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return atTime(day, h, m);
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
