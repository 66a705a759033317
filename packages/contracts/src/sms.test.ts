import { describe, expect, it } from 'vitest';
import {
  fillSmsTemplate,
  formEscape,
  jsonStringEscape,
  smsSegments,
  unknownSmsPlaceholders,
} from './sms.ts';

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

describe('real club messages', () => {
  it('Swedish stays GSM-7 (å ä ö are in it): 149 characters one segment, a longer reminder two', () => {
    const sv =
      'Hej Åsa! Påminnelse: din provträning i yoga är i morgon tisdag kl. 18.00 i sal 2 ' +
      'på Storgatan 1. Ta med vattenflaska och handduk. Välkommen! /Friskis';
    expect(sv.length).toBe(149);
    expect(smsSegments(sv)).toMatchObject({ encoding: 'gsm7', units: 149, segments: 1 });
    const longer = `${sv} Avboka senast 12.00 på 08-123 45 67.`;
    expect(smsSegments(longer)).toMatchObject({ encoding: 'gsm7', segments: 2 });
  });

  it('Polish needs UCS-2 for one letter, and a 100-character reminder takes two segments', () => {
    const pl =
      'Cześć Łukasz! Przypominamy: zajęcia z jogi jutro o 18:00, sala 2. Do zobaczenia w klubie!';
    expect(smsSegments(pl)).toMatchObject({ encoding: 'ucs2', units: pl.length, segments: 2 });
    // The same text without its Polish letters fits one GSM-7 segment.
    const ascii = pl
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace('Ł', 'L');
    expect(smsSegments(ascii)).toMatchObject({ encoding: 'gsm7', segments: 1 });
  });

  it('Russian and Ukrainian are UCS-2: 70 letters one segment, 67 a part after that', () => {
    const ru = 'Анна, ждём вас завтра в 18:00 на пробной тренировке!';
    expect(smsSegments(ru)).toMatchObject({ encoding: 'ucs2', units: 52, segments: 1 });
    const uk =
      'Олено, нагадуємо: пробне тренування з йоги завтра о 18:00, зала 2. Візьміть воду й рушник. До зустрічі!';
    expect(smsSegments(uk)).toMatchObject({ encoding: 'ucs2', units: uk.length, segments: 2 });
    expect(smsSegments(uk).remaining).toBe(67 * 2 - uk.length);
  });
});

describe('gateway templates', () => {
  const values = { to: '+46701234567', text: 'Hej "Åsa" & co\n50% rabatt', from: 'Friskis' };

  it('escapes values for JSON and for forms, and leaves unknown names alone', () => {
    expect(fillSmsTemplate('{"to":"{{to}}","msg":"{{ text }}"}', values, jsonStringEscape)).toBe(
      '{"to":"+46701234567","msg":"Hej \\"Åsa\\" & co\\n50% rabatt"}',
    );
    expect(fillSmsTemplate('to={{to}}&m={{text}}&x={{x}}', values, formEscape)).toBe(
      'to=%2B46701234567&m=Hej%20%22%C3%85sa%22%20%26%20co%0A50%25%20rabatt&x={{x}}',
    );
    expect(unknownSmsPlaceholders('{{to}} {{ text }} {{from}} {{ message }} {{x}}')).toEqual([
      'message',
      'x',
    ]);
  });
});
