import { getCountries } from 'libphonenumber-js';

/** A locale Intl accepts: the UI language, or the runtime's default if that one is unusable. */
function usableLocale(uiLocale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(uiLocale)[0];
  } catch {
    return undefined;
  }
}

/** Every region libphonenumber knows, named in the UI language and sorted by that name. */
export function countryOptions(uiLocale: string): { value: string; label: string }[] {
  const locale = usableLocale(uiLocale);
  const names = new Intl.DisplayNames(locale, { type: 'region' });
  const collator = new Intl.Collator(locale);
  return getCountries()
    .map((code) => {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        // a code this runtime cannot name: show the code itself
      }
      return { value: code, label: name && name !== code ? `${name} (${code})` : code };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
