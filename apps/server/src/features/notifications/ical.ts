/**
 * A tiny RFC 5545 writer for the calendar feed: just what a read-only feed of to-dos needs
 * (ical-generator would do more, but its current versions need Node 22).
 */

export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** An absolute URL; left out when it is not one. */
  url?: string;
}

export interface CalendarInput {
  name: string;
  /** DTSTAMP of every event: when this copy of the feed was made. */
  now: Date;
  events: CalendarEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma are escaped, every line break
 * becomes `\n`, and control characters (not allowed in TEXT) are dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
  );
}

/**
 * Content lines longer than 75 octets are folded (RFC 5545 3.1): CRLF and one space, never
 * inside a UTF-8 sequence, so names in Cyrillic or with emoji survive intact.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** DATE-TIME in UTC: 20250310T090000Z. */
export function formatUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function absoluteUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function eventLines(e: CalendarEvent, stamp: string): string[] {
  const url = absoluteUrl(e.url);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${formatUtc(e.start)}`,
    `DTEND:${formatUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
  ];
}

/** The whole VCALENDAR, CRLF line endings and folded lines. */
export function buildCalendar(input: CalendarInput): string {
  const stamp = formatUtc(input.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Spotter//Tasks//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    // Calendar apps poll the feed; a quarter of an hour keeps it close to the board.
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
    'X-PUBLISHED-TTL:PT15M',
    ...input.events.flatMap((e) => eventLines(e, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
