import type { Locale } from '@spotter/contracts';

/** Where a club in this timezone most likely is: numbers typed without +CC are read there. */
const REGION_BY_TIMEZONE: Record<string, string> = {
  'Europe/Stockholm': 'SE',
  'Europe/Warsaw': 'PL',
  'Europe/Moscow': 'RU',
  'Europe/Kaliningrad': 'RU',
  'Europe/Samara': 'RU',
  'Asia/Yekaterinburg': 'RU',
  'Asia/Novosibirsk': 'RU',
  'Asia/Vladivostok': 'RU',
  'Europe/Kyiv': 'UA',
  'Europe/Kiev': 'UA',
  'Europe/London': 'GB',
  'Europe/Dublin': 'IE',
  'Europe/Berlin': 'DE',
  'Europe/Oslo': 'NO',
  'Europe/Helsinki': 'FI',
  'Europe/Copenhagen': 'DK',
  'Atlantic/Reykjavik': 'IS',
  'Europe/Tallinn': 'EE',
  'Europe/Riga': 'LV',
  'Europe/Vilnius': 'LT',
  'Europe/Amsterdam': 'NL',
  'Europe/Brussels': 'BE',
  'Europe/Paris': 'FR',
  'Europe/Madrid': 'ES',
  'Europe/Lisbon': 'PT',
  'Europe/Rome': 'IT',
  'Europe/Vienna': 'AT',
  'Europe/Zurich': 'CH',
  'Europe/Prague': 'CZ',
  'Europe/Minsk': 'BY',
};

const REGION_BY_LOCALE: Partial<Record<Locale, string>> = {
  sv: 'SE',
  pl: 'PL',
  ru: 'RU',
  uk: 'UA',
};

/** The default phone region: from the timezone, else from the language, else none. */
export function guessPhoneRegion(timezone: string, locale: string): string | null {
  return REGION_BY_TIMEZONE[timezone] ?? REGION_BY_LOCALE[locale as Locale] ?? null;
}
