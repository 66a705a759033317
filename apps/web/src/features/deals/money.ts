/**
 * Deal amounts travel as whole minor units of their currency (öre, cents, grosz: the ISO 4217
 * exponent that `Intl.NumberFormat` uses), so 1 250,00 SEK is 125000. These turn them into
 * what the user reads and types, in the UI language.
 */

/** How many decimals the currency has (2 for SEK, 0 for JPY); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** Minor units as the major amount a user types (125000 SEK → 1250). */
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/** What the user typed (1250.5) as whole minor units (125050), rounded to the nearest one. */
export const toMinor = (major: number, currency: string) =>
  Math.round(major * 10 ** currencyDigits(currency));

/**
 * An amount in the user's language and the currency's own symbol and decimals. `compact` drops
 * the decimals of whole amounts, for a column header where space is short.
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale: string,
  opts: { compact?: boolean } = {},
): string {
  const major = toMajor(minor, currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(opts.compact && Number.isInteger(major) ? { maximumFractionDigits: 0 } : {}),
    }).format(major);
  } catch {
    return `${new Intl.NumberFormat(locale).format(major)} ${currency}`;
  }
}

/** How the UI language groups thousands and marks decimals, for an amount field. */
export function numberSeparators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}
