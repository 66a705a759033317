import type { Locale } from '@spotter/contracts';

/** Every IANA time zone the browser knows, for a searchable select. */
export function timezoneOptions(): string[] {
  // The list leaves out aliases such as "UTC", which a browser may still report as its own.
  return [...new Set(['UTC', browserTimezone(), ...Intl.supportedValuesOf('timeZone')])];
}

export function browserTimezone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The currency a club in that language most likely uses: a default, never a rule. */
export const DEFAULT_CURRENCY: Record<Locale, string> = {
  en: 'EUR',
  sv: 'SEK',
  pl: 'PLN',
  ru: 'RUB',
  uk: 'UAH',
};

/** Every currency code with its name in the UI language: "SEK — Swedish krona". */
export function currencyOptions(uiLocale: string): { value: string; label: string }[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([uiLocale], { type: 'currency' });
  } catch {
    names = undefined;
  }
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} — ${names?.of(code) ?? code}`,
  }));
}
