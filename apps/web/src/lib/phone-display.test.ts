import { describe, expect, it } from 'vitest';
import { shownPhone, telHref } from './phone-display.ts';

const swedish = {
  phone: '+46701234567',
  phoneDisplay: { country: 'SE', national: '070-123 45 67', international: '+46 70 123 45 67' },
};

describe('shownPhone', () => {
  it("writes the club's own numbers nationally and the rest internationally", () => {
    expect(shownPhone(swedish, 'SE')).toBe('070-123 45 67');
    expect(shownPhone(swedish, 'se')).toBe('070-123 45 67');
    expect(shownPhone(swedish, 'PL')).toBe('+46 70 123 45 67');
    expect(shownPhone(swedish, null)).toBe('+46 70 123 45 67');
  });

  it('shows a number the server could not read as stored, and nothing for no contact', () => {
    expect(shownPhone({ phone: '0701234567', phoneDisplay: null }, 'SE')).toBe('0701234567');
    expect(shownPhone(null, 'SE')).toBe('');
  });
});

describe('telHref', () => {
  it('keeps only what a dialler reads', () => {
    expect(telHref('+46 70-123 45 67')).toBe('tel:+46701234567');
  });
});
