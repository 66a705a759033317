import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMoney, numberSeparators, toMajor, toMinor } from './money.ts';

// Intl separates groups with a narrow no-break space in Swedish; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('deal amounts in minor units', () => {
  it('knows how many decimals a currency has', () => {
    expect(currencyDigits('SEK')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('not a code')).toBe(2);
  });

  it('turns typed amounts into minor units and back without drift', () => {
    expect(toMinor(1250.5, 'SEK')).toBe(125050);
    expect(toMinor(0.1 + 0.2, 'EUR')).toBe(30);
    expect(toMinor(1250, 'JPY')).toBe(1250);
    expect(toMajor(125050, 'SEK')).toBe(1250.5);
  });

  it('writes an amount the way the user reads it, in the currency of the club', () => {
    expect(plain(formatMoney(125050, 'SEK', 'sv'))).toBe('1 250,50 kr');
    expect(formatMoney(125050, 'EUR', 'en')).toBe('€1,250.50');
    expect(plain(formatMoney(125000, 'PLN', 'pl', { compact: true }))).toBe('1250 zł');
    expect(formatMoney(125050, 'EUR', 'en', { compact: true })).toBe('€1,250.50');
  });
});

describe('an amount field in the user language', () => {
  it('groups and marks decimals as the language does', () => {
    expect(numberSeparators('en')).toEqual({ group: ',', decimal: '.' });
    expect(numberSeparators('sv').decimal).toBe(',');
    expect(numberSeparators('pl').group.trim()).toBe('');
  });
});
