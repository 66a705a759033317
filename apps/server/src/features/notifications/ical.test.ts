import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, formatUtc } from './ical.ts';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');
/** RFC 5545 3.1: a CRLF followed by one space is removed when reading. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('iCalendar TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
    expect(escapeText('C:\\new;')).toBe('C:\\\\new\\;');
  });

  it('drops control characters but keeps tabs and letters of any script', () => {
    expect(escapeText('a\u0000b\u0007c\u007Fd\te')).toBe('abcd\te');
    expect(escapeText('Звонок: Öl, 🏊')).toBe('Звонок: Öl\\, 🏊');
  });
});

describe('line folding', () => {
  it('leaves a line of exactly 75 octets alone and folds the 76th onto a new line', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(line + 'Y')).toBe(`${line}\r\n Y`);
  });

  it('counts the continuation space: later lines carry 74 octets of content', () => {
    const folded = foldLine('A'.repeat(75 + 74 + 10)).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 75, 11]);
    expect(folded[1]).toBe(` ${'A'.repeat(74)}`);
  });

  it('never splits a multi-byte character', () => {
    // 'ж' is two octets: 37 of them fill 74, the 38th would make 76.
    const folded = foldLine('ж'.repeat(40)).split('\r\n');
    expect(folded[0]).toBe('ж'.repeat(37));
    expect(folded[1]).toBe(` ${'ж'.repeat(3)}`);
    // An emoji is four octets (a surrogate pair in JavaScript) and stays whole.
    const emoji = foldLine(`${'a'.repeat(73)}🏊b`).split('\r\n');
    expect(emoji).toEqual(['a'.repeat(73), ' 🏊b']);
  });

  it('always unfolds to the original and keeps every line within 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const line = `SUMMARY:${escapeText(s)}`;
        const folded = foldLine(line);
        expect(unfold(folded)).toBe(line);
        for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
      }),
    );
  });
});

describe('the calendar', () => {
  const now = new Date('2025-03-10T08:00:00.123Z');
  const start = new Date('2025-03-11T09:30:00Z');
  const end = new Date('2025-03-11T09:45:00Z');

  it('writes UTC date-times', () => {
    expect(formatUtc(now)).toBe('20250310T080000Z');
  });

  it('writes one VEVENT per task with CRLF endings, escaped text and folded long lines', () => {
    const ics = buildCalendar({
      name: 'Spotter, Anna',
      now,
      events: [
        {
          uid: 'b3f1@spotter',
          start,
          end,
          summary: 'Personal call — Åsa Öberg; VIP',
          description: `Ask about the family plan,\nthen book a trial. ${'Long text '.repeat(12)}`,
          url: 'https://crm.example.test/tasks/b3f1',
        },
        { uid: 'c4@spotter', start, end, summary: 'No link', url: 'javascript:alert(1)' },
      ],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', expect.any(String)]);
    expect(lines).toContain('X-WR-CALNAME:Spotter\\, Anna');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:b3f1@spotter');
    expect(lines).toContain('DTSTAMP:20250310T080000Z');
    expect(lines).toContain('DTSTART:20250311T093000Z');
    expect(lines).toContain('DTEND:20250311T094500Z');
    expect(lines).toContain('SUMMARY:Personal call — Åsa Öberg\\; VIP');
    expect(lines).toContain(
      `DESCRIPTION:Ask about the family plan\\,\\nthen book a trial. ${'Long text '.repeat(12)}`,
    );
    expect(lines).toContain('URL:https://crm.example.test/tasks/b3f1');
    // A link that is not http(s) is left out rather than handed to a calendar app.
    expect(lines.filter((l) => l.startsWith('URL:'))).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('is a valid empty calendar when there are no tasks', () => {
    const ics = buildCalendar({ name: 'Empty', now, events: [] });
    expect(ics).toContain('BEGIN:VCALENDAR\r\n');
    expect(ics).not.toContain('VEVENT');
  });
});
