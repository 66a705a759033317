import { describe, expect, it } from 'vitest';
import { formatWaited } from './waited.ts';

describe('formatWaited', () => {
  it('says minutes, hours and minutes, or days and hours', () => {
    expect(formatWaited(12 * 60_000 + 59_000, 'en')).toBe('12 min');
    expect(formatWaited((2 * 60 + 5) * 60_000, 'en')).toBe('2 hr 5 min');
    expect(formatWaited(3 * 3600_000, 'en')).toBe('3 hr');
    expect(formatWaited((3 * 24 + 4) * 3600_000, 'en')).toBe('3 days 4 hr');
    expect(formatWaited(-5, 'en')).toBe('0 min');
  });

  it('speaks the UI language', () => {
    expect(formatWaited((2 * 60 + 5) * 60_000, 'sv')).toMatch(/^2 tim 5 min$/);
  });
});
