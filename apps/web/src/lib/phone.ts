import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A stored phone (E.164, or digits the server could not read) as people write it: national
 * format for numbers of the club's own country, international for the rest.
 */
export function formatPhone(stored: string, homeRegion?: string | null): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return homeRegion && parsed.country === homeRegion.toUpperCase()
    ? parsed.formatNational()
    : parsed.formatInternational();
}
