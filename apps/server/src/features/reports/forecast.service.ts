import {
  FORECAST_MAX_MONTHS,
  type ForecastQuery,
  type ForecastReport,
  type ForecastRow,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { clubDate, startOfClubDay } from '../../lib/club-time.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { resolveFilter } from '../deals/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { forecastSums, type ForecastSums, type MonthRange } from './forecast.repo.ts';

/** YYYY-MM moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + m;
};

function rangeOf(fromMonth: string, toMonth: string, timezone: string): MonthRange {
  const after = addMonths(toMonth, 1);
  const to = startOfClubDay(`${after}-01`, timezone);
  return {
    firstDay: `${fromMonth}-01`,
    // The day before the next month's first: noon keeps DST out of the subtraction.
    lastDay: clubDate(new Date(to.getTime() - 12 * 3600_000), timezone),
    from: startOfClubDay(`${fromMonth}-01`, timezone),
    to,
    timezone,
  };
}

const ZERO = {
  openCount: 0,
  openAmount: 0,
  openWeighted: 0,
  forecast: 0,
  wonCount: 0,
  wonAmount: 0,
};

const numbersOf = ({ key: _k, label: _l, ...n }: ForecastSums) => n;

/**
 * S-3: the weighted pipeline by expected close month, owner or group, and, for past months,
 * what was won beside what was forecast. The deals are the ones the deals list would show the
 * caller with the same filters (visibility included).
 */
export async function forecastReport(
  db: Db,
  actor: Actor,
  query: ForecastQuery,
  now: Date,
): Promise<ForecastReport> {
  assertCan(actor, 'reports.read');
  const org = await findOrganization(db, actor.orgId);
  if (!org) throw notFound('Organization');
  const currentMonth = clubDate(now, org.timezone).slice(0, 7);
  const fromMonth = query.fromMonth ?? addMonths(currentMonth, -6);
  const toMonth = query.toMonth ?? addMonths(currentMonth, 6);
  const span = monthIndex(toMonth) - monthIndex(fromMonth) + 1;
  if (span < 1) throw fieldInvalid('toMonth', 'too_small', 'The last month is before the first');
  if (span > FORECAST_MAX_MONTHS) {
    throw fieldInvalid('toMonth', 'too_large', `At most ${FORECAST_MAX_MONTHS} months`, {
      max: FORECAST_MAX_MONTHS,
    });
  }
  const { filter } = await resolveFilter(
    db,
    actor,
    {
      pipelineId: query.pipelineId,
      ownerId: query.ownerId,
      groupId: query.groupId,
      branchId: query.branchId,
    },
    { timezone: org.timezone },
  );
  const sums = await forecastSums(db, filter, rangeOf(fromMonth, toMonth, org.timezone), query.by);
  const totals = { ...ZERO };
  for (const s of sums) {
    for (const k of Object.keys(ZERO) as Array<keyof typeof ZERO>) totals[k] += s[k];
  }
  let rows: ForecastRow[];
  if (query.by === 'month') {
    const byMonth = new Map(sums.map((s) => [s.key, s]));
    rows = Array.from({ length: span }, (_, i) => {
      const month = addMonths(fromMonth, i);
      const s = byMonth.get(month);
      return { key: month, label: month, ...(s ? numbersOf(s) : ZERO) };
    });
  } else {
    rows = sums
      .map((s) => ({ key: s.key, label: s.label ?? '', ...numbersOf(s) }))
      .sort((a, b) =>
        a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, org.locale),
      );
  }
  return {
    fromMonth,
    toMonth,
    currentMonth,
    currency: org.currency,
    by: query.by,
    rows,
    totals,
  };
}
