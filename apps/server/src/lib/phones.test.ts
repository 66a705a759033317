import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSearchText,
  normalizePhone,
  phoneDisplay,
  phoneSearchKeys,
  queryPhoneDigits,
} from './phones.ts';

describe('normalizePhone', () => {
  it('reads every way a Swede types the same mobile as one E.164 number', () => {
    for (const typed of [
      '070-123 45 67',
      '+46701234567',
      '+46 70 123 45 67',
      '0046 70 123 45 67',
    ]) {
      expect(normalizePhone(typed, 'SE')).toEqual({ number: '+46701234567', valid: true });
    }
  });

  it('keeps a foreign number that carries its country code', () => {
    expect(normalizePhone('+48 601 234 567', 'SE')).toEqual({
      number: '+48601234567',
      valid: true,
    });
  });

  it('keeps the digits as typed when the number cannot be read', () => {
    expect(normalizePhone('garbage', 'SE')).toEqual({ number: '', valid: false });
    expect(normalizePhone('0701234567', null)).toEqual({ number: '0701234567', valid: false });
    expect(normalizePhone('12', 'SE').valid).toBe(false);
  });

  it('ignores an unknown region instead of throwing', () => {
    expect(normalizePhone('070-123 45 67', 'XX')).toEqual({ number: '0701234567', valid: false });
  });
});

describe('phoneSearchKeys', () => {
  it('gives international, national-with-trunk and national digits', () => {
    expect(phoneSearchKeys('+46701234567', 'SE').sort()).toEqual(
      ['46701234567', '0701234567', '701234567'].sort(),
    );
  });

  it('falls back to the digits of an unreadable number', () => {
    expect(phoneSearchKeys('12-34', null)).toEqual(['1234']);
    expect(phoneSearchKeys('', 'SE')).toEqual([]);
  });
});

describe('queryPhoneDigits', () => {
  it('turns a phone-like query into digit strings to look for', () => {
    expect(queryPhoneDigits('070-123 45 67', 'SE')).toEqual(['0701234567', '46701234567']);
    expect(queryPhoneDigits('+46701234567', 'SE')).toEqual(['46701234567']);
    expect(queryPhoneDigits('0046701234567', 'SE')).toContain('46701234567');
    expect(queryPhoneDigits('4567', 'SE')).toContain('4567');
  });

  it('ignores words and too short numbers', () => {
    expect(queryPhoneDigits('anna', 'SE')).toEqual([]);
    expect(queryPhoneDigits('12', 'SE')).toEqual([]);
    expect(queryPhoneDigits('anna 0701', 'SE')).toEqual([]);
  });
});

describe('buildSearchText', () => {
  it('holds names, emails, org number and every phone key, lower-case', () => {
    const text = buildSearchText(
      {
        firstName: 'Anna',
        lastName: 'Svensson',
        displayName: 'Anna Svensson',
        emails: [{ email: 'Anna@Example.se' }],
        orgNumber: '556677-8899',
        phones: [{ number: '+46701234567' }],
      },
      'SE',
    );
    expect(text.startsWith('anna svensson')).toBe(true);
    for (const part of [
      'anna@example.se',
      '556677-8899',
      '5566778899',
      '46701234567',
      '0701234567',
    ]) {
      expect(text.split(' ')).toContain(part);
    }
  });
});

describe('bad input never throws', () => {
  it('survives any string, including 40-char junk', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.constantFrom('SE', 'PL', 'US', 'XX', '', null, undefined),
        (raw, region) => {
          const n = normalizePhone(raw, region);
          expect(typeof n.number).toBe('string');
          phoneSearchKeys(raw, region);
          queryPhoneDigits(raw, region);
          buildSearchText({ phones: [raw], firstName: raw, orgNumber: raw }, region);
        },
      ),
    );
    const junk = '+(0)--..//  ' + '9'.repeat(28);
    expect(() => normalizePhone(junk, 'SE')).not.toThrow();
    expect(normalizePhone('x'.repeat(40), 'SE')).toEqual({ number: '', valid: false });
  });

  it('normalizes idempotently', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/), (raw) => {
        const once = normalizePhone(raw, 'SE');
        if (once.number) expect(normalizePhone(once.number, 'SE').number).toBe(once.number);
      }),
    );
  });
});

describe('phoneDisplay', () => {
  it('writes a stored number out nationally and internationally, with its country', () => {
    expect(phoneDisplay('+46701234567')).toEqual({
      country: 'SE',
      national: '070-123 45 67',
      international: '+46 70 123 45 67',
    });
    expect(phoneDisplay('+48601234567')).toEqual({
      country: 'PL',
      national: '601 234 567',
      international: '+48 601 234 567',
    });
  });

  it('gives null for what the numbering plan cannot read, and for no phone', () => {
    expect(phoneDisplay('0701234567')).toBeNull();
    expect(phoneDisplay('')).toBeNull();
    expect(phoneDisplay(null)).toBeNull();
  });

  it('answers a number it has seen from memory with the same forms', () => {
    const first = phoneDisplay('+4940123456');
    expect(phoneDisplay('+4940123456')).toBe(first);
  });
});
