import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, formatNumber, rangeOf } from './cell-format.ts';

describe('cell formatting', () => {
  it('formats money in the club currency and the user locale', () => {
    expect(formatMoney(1234.5, 'en', 'SEK')).toMatch(/^SEK\s1,234\.50$/);
    expect(formatMoney('x', 'en', 'SEK')).toBe('—');
  });
  it('keeps calendar dates on their day', () => {
    expect(formatDay('2024-03-01', 'en')).toBe('Mar 1, 2024');
    expect(formatDay('soon', 'en')).toBe('—');
    expect(formatNumber(12345, 'sv')).toBe('12\u00a0345');
  });
  it('counts the visible range', () => {
    expect(rangeOf(1, 50, 10234, 'en')).toEqual({ from: '1', to: '50', total: '10,234' });
    expect(rangeOf(3, 25, 60, 'en')).toEqual({ from: '51', to: '60', total: '60' });
    expect(rangeOf(1, 25, 0, 'en')).toEqual({ from: '0', to: '0', total: '0' });
  });
});
