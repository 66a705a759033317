import { describe, expect, it } from 'vitest';
import { guessPhoneRegion } from './phone-region.ts';

describe('guessPhoneRegion', () => {
  it('reads the timezone first, then the language', () => {
    expect(guessPhoneRegion('Europe/Stockholm', 'en')).toBe('SE');
    expect(guessPhoneRegion('Europe/Kiev', 'en')).toBe('UA');
    expect(guessPhoneRegion('Europe/Kyiv', 'ru')).toBe('UA');
    expect(guessPhoneRegion('Europe/London', 'pl')).toBe('GB');
    expect(guessPhoneRegion('Asia/Tokyo', 'sv')).toBe('SE');
    expect(guessPhoneRegion('UTC', 'en')).toBeNull();
  });
});
