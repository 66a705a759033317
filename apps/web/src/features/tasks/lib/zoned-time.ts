/**
 * Wall-clock times in the club's time zone. The date pickers work on `YYYY-MM-DD HH:mm:ss`
 * strings with no zone; the API stores instants. Staff plan in the club's time, whatever
 * zone their own device is set to (O-3), so every conversion names the zone.
 */

const pad = (n: number) => String(n).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallOf(ms: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year ?? 1970,
    m: parts.month ?? 1,
    d: parts.day ?? 1,
    h: (parts.hour ?? 0) % 24,
    mi: parts.minute ?? 0,
    s: parts.second ?? 0,
  };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);

/** How far the zone's clock is ahead of UTC at this instant, in milliseconds. */
const offsetAt = (ms: number, timeZone: string) =>
  wallAsUtc(wallOf(Math.floor(ms / 1000) * 1000, timeZone)) - Math.floor(ms / 1000) * 1000;

/** An instant as the picker's `YYYY-MM-DD HH:mm:ss` in `timeZone`; null for no or a bad value. */
export function toZonedWall(iso: string | null | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return null;
  const w = wallOf(ms, timeZone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The picker's wall time in `timeZone` as an ISO instant. A time skipped by a daylight-saving
 * change lands after the gap, a repeated one on its first occurrence — as a clock on the wall.
 */
export function fromZonedWall(wall: string | null | undefined, timeZone: string): string | null {
  const m = wall ? WALL.exec(wall.trim()) : null;
  if (!m) return null;
  const guess = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
  );
  if (Number.isNaN(guess)) return null;
  // The zone's offsets a day either side: around a daylight-saving change they differ.
  const DAY = 86_400_000;
  const candidates = [
    ...new Set([offsetAt(guess - DAY, timeZone), offsetAt(guess + DAY, timeZone)]),
  ]
    .map((offset) => guess - offset)
    .sort((a, b) => a - b);
  const valid = candidates.filter((c) => c + offsetAt(c, timeZone) === guess);
  // Repeated hour: the first occurrence. Skipped hour: after the gap, as a wall clock does.
  const instant = valid[0] ?? candidates[candidates.length - 1] ?? guess;
  return new Date(instant).toISOString();
}

/** The club's calendar day of an instant, `YYYY-MM-DD`. */
export function zonedDay(at: Date, timeZone: string): string {
  const w = wallOf(at.getTime(), timeZone);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

/** Monday of the club's week holding `at`, `YYYY-MM-DD` (weeks start on Monday in every locale we ship). */
export function zonedWeekStart(at: Date, timeZone: string): string {
  const w = wallOf(at.getTime(), timeZone);
  const day = new Date(Date.UTC(w.y, w.m - 1, w.d));
  const back = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - back);
  return day.toISOString().slice(0, 10);
}

/** `minutes` from `now` as the picker's wall time in `timeZone` (a template's due offset). */
export function wallAfter(now: Date, minutes: number, timeZone: string): string {
  return toZonedWall(new Date(now.getTime() + minutes * 60_000).toISOString(), timeZone) ?? '';
}
