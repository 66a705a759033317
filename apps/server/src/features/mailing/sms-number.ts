import type { Phone } from '@spotter/contracts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const isMobile = (number: string) => {
  try {
    const type = parsePhoneNumberFromString(number)?.getType();
    return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  } catch {
    return false;
  }
};

/**
 * Where a person's SMS goes: the first valid number labelled mobile, else the first valid
 * number the numbering plan says is a mobile one; null when neither (a landline is never
 * texted). Stored numbers that could be read are E.164 already.
 */
export function smsNumberOf(phones: readonly Phone[]): string | null {
  const readable = phones.filter((p) => p.valid && p.number.startsWith('+'));
  const labelled = readable.find((p) => p.label === 'mobile');
  if (labelled) return labelled.number;
  return readable.find((p) => isMobile(p.number))?.number ?? null;
}
