import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailSchema } from './common.ts';
import { fieldErrorOfIssue } from './errors.ts';
import { isEmailAddress } from './email.ts';

describe('email addresses', () => {
  it('accepts international addresses (RFC 6531 / IDNA) and keeps them in Unicode', () => {
    for (const email of [
      'åsa.berg@exempel.se',
      'оксана@пример.рф',
      'Zoë.Ö@bücher.de',
      'jan.kowalski@żółw.pl',
      'user@xn--e1afmkfd.xn--p1ai',
      "o'neil+club@example.co.uk",
      'a@b.se',
      '用户@例子.广告',
    ]) {
      expect(isEmailAddress(email), email).toBe(true);
      expect(emailSchema.safeParse(email).success, email).toBe(true);
    }
    expect(emailSchema.parse(' ÅSA.Berg@Exempel.SE ')).toBe('åsa.berg@exempel.se');
    expect(emailSchema.parse('ОКСАНА@ПРИМЕР.РФ')).toBe('оксана@пример.рф');
    // A decomposed å (a + combining ring) is the same address as the composed one.
    expect(emailSchema.parse('a\u030Asa@exempel.se')).toBe('åsa@exempel.se');
  });

  it('still refuses garbage', () => {
    for (const email of [
      'not-an-email',
      'anna@',
      '@example.se',
      'anna@example',
      'anna@@example.se',
      'anna berg@example.se',
      'anna.@example.se',
      '.anna@example.se',
      'an..na@example.se',
      'anna@example..se',
      'anna@-example.se',
      'anna@example-.se',
      'anna@example.s',
      'anna@example.123',
      'anna@1.2.3.4',
      'anna@[127.0.0.1]',
      '"anna"@example.se',
      'anna@exam ple.se',
      'anna@exam_ple.se',
      'an\u00A0na@example.se',
      'anna\u200B@example.se',
      'anna😀@example.se',
      'anna@example.se.',
      'anna@ab--cd.se',
      `${'a'.repeat(65)}@example.se`,
      `anna@${'a'.repeat(64)}.se`,
      `anna@${'abcdefgh.'.repeat(28)}se`,
    ]) {
      expect(isEmailAddress(email), email).toBe(false);
      expect(emailSchema.safeParse(email).success, email).toBe(false);
    }
  });

  it('says what is wrong with the invalid_email code', () => {
    const result = emailSchema.safeParse('åsa@');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue).toMatchObject({ code: 'invalid_format', format: 'email' });
    // No fixed English: the browser's zod messages and the server's field codes both apply.
    expect(fieldErrorOfIssue(issue)).toEqual({ code: 'invalid_email' });
  });

  it('never accepts an address without exactly one usable @, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        if (isEmailAddress(s)) {
          const at = s.lastIndexOf('@');
          expect(s.indexOf('@')).toBe(at);
          expect(s.slice(at + 1)).toContain('.');
          expect(/\s/u.test(s)).toBe(false);
        }
      }),
    );
  });
});
