/** The units a template's default due offset is typed in; it is stored in minutes. */
export const OFFSET_UNITS = ['minutes', 'hours', 'days'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

const MINUTES_PER: Record<OffsetUnit, number> = { minutes: 1, hours: 60, days: 60 * 24 };

/** The contract's ceiling for a template's due offset: a year and a day. */
export const MAX_OFFSET_MINUTES = 60 * 24 * 366;

export interface OffsetInput {
  amount: number;
  unit: OffsetUnit;
}

/**
 * Stored minutes shown in the largest unit that holds them exactly (2880 → 2 days, 90 → 90
 * minutes), so what the admin typed comes back the way they typed it. Null: no default.
 */
export function minutesToOffset(minutes: number | null): OffsetInput | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  const m = Math.round(minutes);
  if (m > 0 && m % MINUTES_PER.days === 0) return { amount: m / MINUTES_PER.days, unit: 'days' };
  if (m > 0 && m % MINUTES_PER.hours === 0) return { amount: m / MINUTES_PER.hours, unit: 'hours' };
  return { amount: m, unit: 'minutes' };
}

/** Minutes for an amount in a unit; fractions (1.5 hours) round to the minute. */
export const offsetToMinutes = (amount: number, unit: OffsetUnit): number =>
  Math.round(amount * MINUTES_PER[unit]);
