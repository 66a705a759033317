import { describe, expect, it } from 'vitest';
import { emailBreaks } from './email-breaks.ts';

describe('where a long email address may wrap', () => {
  it('breaks before the @ and before each dot, never inside a word', () => {
    expect(emailBreaks('anna-karin.lindqvist-bergström@kundtjanst.exempel.se')).toEqual([
      'anna-karin',
      '.lindqvist-bergström',
      '@kundtjanst',
      '.exempel',
      '.se',
    ]);
  });

  it('keeps every character, in order', () => {
    for (const email of ['a@b.c', 'оксана@пример.рф', '.odd..dots@x', 'nodomain']) {
      expect(emailBreaks(email).join('')).toBe(email);
    }
  });
});
