import { describe, expect, it } from 'vitest';
import { formatDay, formatMoney, formatNumber } from './cell-format.ts';

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
});
