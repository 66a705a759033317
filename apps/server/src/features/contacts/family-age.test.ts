import { describe, expect, it } from 'vitest';
import { ageOn, birthDateRange, isMinor } from './family-age.ts';

describe('ages on the club clock', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2019-03-10', '2026-03-09')).toBe(6);
    expect(ageOn('2019-03-10', '2026-03-10')).toBe(7);
    expect(ageOn('2008-12-31', '2026-12-31')).toBe(18);
    expect(ageOn(null, '2026-03-10')).toBeNull();
    expect(ageOn('2027-01-01', '2026-03-10')).toBeNull();
  });

  it('a 29 February birthday counts from 1 March in a common year', () => {
    expect(ageOn('2016-02-29', '2026-02-28')).toBe(9);
    expect(ageOn('2016-02-29', '2026-03-01')).toBe(10);
    expect(ageOn('2016-02-29', '2028-02-29')).toBe(12);
  });

  it('a minor is younger than the adult age; no birth date is no minor', () => {
    expect(isMinor(17, 18)).toBe(true);
    expect(isMinor(18, 18)).toBe(false);
    expect(isMinor(null, 18)).toBe(false);
  });

  it('turns an age range into the birth dates that have it today', () => {
    const today = '2026-03-10';
    const { earliest, latest } = birthDateRange(today, 7, 10);
    expect({ earliest, latest }).toEqual({ earliest: '2015-03-11', latest: '2019-03-10' });
    for (const [birth, inRange] of [
      ['2019-03-10', true],
      ['2019-03-11', false],
      ['2015-03-11', true],
      ['2015-03-10', false],
    ] as const) {
      const age = ageOn(birth, today)!;
      expect({ birth, inRange: age >= 7 && age <= 10 }).toEqual({ birth, inRange });
      expect({ birth, inRange: birth >= earliest! && birth <= latest! }).toEqual({
        birth,
        inRange,
      });
    }
    expect(birthDateRange(today, undefined, 17)).toEqual({ earliest: '2008-03-11', latest: null });
  });
});
