/**
 * Ages (issue 17): whole years from a birth date to a day, both ISO dates on the club's clock
 * (`clubDate(now, timezone)` in lib/club-time.ts gives today there). Pure.
 */

/** Whole years from `birthDate` to `today` (a 29 February birthday counts on 1 March); null without one. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age < 0 ? null : age;
}

/** Younger than the adult age; a person without a birth date counts as an adult. */
export const isMinor = (age: number | null, adultAge: number) => age !== null && age < adultAge;

/**
 * The birth dates of those aged `from`..`to` whole years on `today`, as a closed range of ISO
 * dates (`[earliest, latest]`): what a list filter compares `birth_date` with, so the index
 * and the plain column serve it. Either end may be open.
 */
export function birthDateRange(
  today: string,
  from: number | undefined,
  to: number | undefined,
): { earliest: string | null; latest: string | null } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const shift = (years: number, dayAfter: boolean) => {
    // today minus `years` years; 29 February falls back to the 28th in a common year.
    const year = y - years;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const day = m === 2 && d === 29 && !leap ? 28 : d;
    const date = new Date(Date.UTC(year, m - 1, day));
    if (dayAfter) date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  };
  return {
    // At most `to` years old: born after today minus (to + 1) years.
    earliest: to === undefined ? null : shift(to + 1, true),
    // At least `from` years old: born on or before today minus `from` years.
    latest: from === undefined ? null : shift(from, false),
  };
}
