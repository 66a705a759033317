import { describe, expect, it } from 'vitest';
import {
  MAX_OFFSET_MINUTES,
  minutesToOffset,
  offsetToMinutes,
  OFFSET_UNITS,
} from './due-offset.ts';

describe('a template’s due offset', () => {
  it('shows stored minutes in the largest unit that holds them exactly', () => {
    expect(minutesToOffset(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(minutesToOffset(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(minutesToOffset(180)).toEqual({ amount: 3, unit: 'hours' });
    expect(minutesToOffset(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(minutesToOffset(1500)).toEqual({ amount: 25, unit: 'hours' });
    expect(minutesToOffset(MAX_OFFSET_MINUTES)).toEqual({ amount: 366, unit: 'days' });
  });

  it('keeps "due at once" and "no default" apart', () => {
    expect(minutesToOffset(0)).toEqual({ amount: 0, unit: 'minutes' });
    expect(minutesToOffset(null)).toBeNull();
    expect(minutesToOffset(-5)).toBeNull();
  });

  it('turns an amount in a unit into minutes, rounding fractions to the minute', () => {
    expect(offsetToMinutes(2, 'days')).toBe(2880);
    expect(offsetToMinutes(3, 'hours')).toBe(180);
    expect(offsetToMinutes(45, 'minutes')).toBe(45);
    expect(offsetToMinutes(1.5, 'hours')).toBe(90);
    expect(offsetToMinutes(0.3, 'minutes')).toBe(0);
  });

  it('comes back to the same minutes for every whole amount and unit', () => {
    for (const unit of OFFSET_UNITS) {
      for (let amount = 0; amount <= 400; amount += 7) {
        const minutes = offsetToMinutes(amount, unit);
        const back = minutesToOffset(minutes);
        expect(back && offsetToMinutes(back.amount, back.unit)).toBe(minutes);
      }
    }
  });
});
