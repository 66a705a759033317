/**
 * How long someone has waited, the way the UI language writes it: "2 hr 5 min", "3 days 4 hr",
 * "12 min". Whole minutes; days once it is a day or more.
 */
export function formatWaited(ms: number, locale: string): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (value: number, u: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (days > 0)
    return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/** A wait past this is shown in red: a lead that waits an hour is already going cold. */
export const LONG_WAIT_MS = 60 * 60_000;
