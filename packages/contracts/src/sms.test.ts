import { describe, expect, it } from 'vitest';
import { smsSegments } from './sms.ts';

describe('smsSegments', () => {
  it('keeps Swedish in GSM-7 and counts extension characters twice', () => {
    expect(smsSegments('Hej Åsa, välkommen åter!')).toMatchObject({
      encoding: 'gsm7',
      units: 24,
      segments: 1,
    });
    expect(smsSegments('Pris: 100€ [rabatt]')).toMatchObject({ encoding: 'gsm7', units: 22 });
    expect(smsSegments('a'.repeat(160)).segments).toBe(1);
    expect(smsSegments('a'.repeat(161)).segments).toBe(2);
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('sends Polish and Cyrillic as UCS-2 with 70 / 67 units a segment', () => {
    expect(smsSegments('Zażółć gęślą jaźń')).toMatchObject({
      encoding: 'ucs2',
      units: 17,
      segments: 1,
    });
    expect(smsSegments('Ж'.repeat(70)).segments).toBe(1);
    expect(smsSegments('Ж'.repeat(71)).segments).toBe(2);
    expect(smsSegments('Ж'.repeat(134)).segments).toBe(2);
    expect(smsSegments('Ж'.repeat(135)).segments).toBe(3);
  });

  it('never splits an extension pair or a surrogate pair', () => {
    // 152 septets then "€" (2): it does not fit the first segment's last septet.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({
      segments: 2,
      remaining: 153 - 12,
    });
    expect(smsSegments('Ж'.repeat(66) + '😀' + 'Ж'.repeat(10))).toMatchObject({
      segments: 2,
      remaining: 67 - 12,
    });
    expect(smsSegments('').segments).toBe(0);
  });
});
