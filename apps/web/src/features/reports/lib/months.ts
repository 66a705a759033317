/** YYYY-MM moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month (YYYY-MM) as the user's language names it ("Apr 2026", "апр. 2026 г."). */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The months a forecast may start or end on: two years either side of the current one. */
export function monthChoices(current: string, locale: string) {
  return Array.from({ length: 49 }, (_, i) => {
    const month = addMonths(current, i - 24);
    return { value: month, label: formatMonth(month, locale) };
  });
}

/** How many decimals a currency has (2 for SEK, 0 for JPY); 2 for a code Intl does not know. */
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
