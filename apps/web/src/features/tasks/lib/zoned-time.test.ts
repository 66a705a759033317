import { describe, expect, it } from 'vitest';
import { fromZonedWall, toZonedWall, wallAfter, zonedDay, zonedWeekStart } from './zoned-time.ts';

describe('wall times in the club time zone', () => {
  it('shows an instant as the clock on the club wall, whatever the device zone', () => {
    expect(toZonedWall('2025-06-01T08:15:00Z', 'Europe/Stockholm')).toBe('2025-06-01 10:15:00');
    expect(toZonedWall('2025-01-15T08:15:00Z', 'Europe/Stockholm')).toBe('2025-01-15 09:15:00');
    expect(toZonedWall('2025-06-01T20:00:00Z', 'Asia/Novosibirsk')).toBe('2025-06-02 03:00:00');
    expect(toZonedWall(null, 'Europe/Stockholm')).toBeNull();
    expect(toZonedWall('not a date', 'Europe/Stockholm')).toBeNull();
  });

  it('turns a picked wall time back into the same instant', () => {
    expect(fromZonedWall('2025-06-01 10:15:00', 'Europe/Stockholm')).toBe(
      '2025-06-01T08:15:00.000Z',
    );
    expect(fromZonedWall('2025-06-02 03:00', 'Asia/Novosibirsk')).toBe('2025-06-01T20:00:00.000Z');
    expect(fromZonedWall('2025-06-02', 'UTC')).toBe('2025-06-02T00:00:00.000Z');
    for (const iso of [
      '2025-03-30T00:30:00.000Z',
      '2025-10-26T00:30:00.000Z',
      '2025-12-31T23:59:59.000Z',
    ]) {
      expect(fromZonedWall(toZonedWall(iso, 'Europe/Stockholm'), 'Europe/Stockholm')).toBe(iso);
    }
  });

  it('puts a time skipped by the spring change after the gap, a repeated one first', () => {
    // 30 March 2025: Stockholm's clocks jump from 02:00 to 03:00; 02:30 never happens.
    expect(fromZonedWall('2025-03-30 02:30:00', 'Europe/Stockholm')).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    // 26 October 2025: 02:30 happens twice (summer, then winter time): the first one.
    expect(fromZonedWall('2025-10-26 02:30:00', 'Europe/Stockholm')).toBe(
      '2025-10-26T00:30:00.000Z',
    );
  });

  it('rejects what is not a wall time', () => {
    expect(fromZonedWall('', 'Europe/Stockholm')).toBeNull();
    expect(fromZonedWall(null, 'Europe/Stockholm')).toBeNull();
    expect(fromZonedWall('31.12.2025 10:00', 'Europe/Stockholm')).toBeNull();
  });

  it("finds the club's today and the Monday of its week", () => {
    // Sunday 23:30 in Stockholm is already Monday in Novosibirsk.
    const at = new Date('2025-06-01T21:30:00Z');
    expect(zonedDay(at, 'Europe/Stockholm')).toBe('2025-06-01');
    expect(zonedWeekStart(at, 'Europe/Stockholm')).toBe('2025-05-26');
    expect(zonedDay(at, 'Asia/Novosibirsk')).toBe('2025-06-02');
    expect(zonedWeekStart(at, 'Asia/Novosibirsk')).toBe('2025-06-02');
  });

  it('adds a template due offset in wall time', () => {
    expect(wallAfter(new Date('2025-06-01T08:00:00Z'), 90, 'Europe/Stockholm')).toBe(
      '2025-06-01 11:30:00',
    );
  });
});
