import { clubDate, startOfClubDay } from '../../lib/club-time.ts';

/**
 * A month of the club's calendar, `offset` months from the one `now` falls in: its days (for
 * expected close dates) and its instants (for closing times), as the deals list's `closeMonth`.
 */
export function clubMonth(now: Date, timezone: string, offset: number) {
  const [y, m] = clubDate(now, timezone).split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const key = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const month = key(index);
  const from = startOfClubDay(`${month}-01`, timezone);
  const to = startOfClubDay(`${key(index + 1)}-01`, timezone);
  const lastDay = clubDate(new Date(to.getTime() - 12 * 3600_000), timezone);
  return { month, firstDay: `${month}-01`, lastDay, from, to };
}
