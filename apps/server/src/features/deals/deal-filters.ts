import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { clubDate, startOfClubDay } from '../../lib/club-time.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { escapeLike } from '../../lib/like.ts';
import { contactSearchIn } from '../contacts/index.ts';
import { groups } from '../groups/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { dealVisibility } from './deal-visibility.ts';
import { dealStages, deals } from './deals.table.ts';

/** A calendar month of the club: its days for expected close dates, its instants for closing. */
export interface Month {
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
}

export function monthOf(month: string, timezone: string): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const from = startOfClubDay(`${month}-01`, timezone);
  const to = startOfClubDay(`${next}-01`, timezone);
  const lastDay = clubDate(new Date(to.getTime() - 12 * 3600_000), timezone);
  return { firstDay: `${month}-01`, lastDay, from, to };
}

/** The club's current month (YYYY-MM). */
export const currentMonth = (now: Date, timezone: string) => clubDate(now, timezone).slice(0, 7);

/** Everything a deals query filters by, resolved from the request by `resolveFilter`. */
export interface DealFilter {
  orgId: string;
  visibility?: SQL;
  pipelineId?: string;
  ownerIds?: string[];
  groupIds?: string[];
  branchIds?: string[];
  typeIds?: string[];
  stageIds?: string[];
  personId?: string;
  companyId?: string;
  /** The search: the title, or the person's or company's name or phone (`searchOf`). */
  search?: SQL;
  month?: Month;
}

export interface FilterInput {
  pipelineId?: string;
  ownerId?: string[];
  groupId?: string[];
  branchId?: string[];
  typeId?: string[];
  stageId?: string[];
  personId?: string;
  companyId?: string;
  closeMonth?: string;
  q?: string;
}

/** The request's filters with `me`, the actor's visibility and the club's month resolved. */
export async function resolveFilter(
  db: Db,
  actor: Actor,
  input: FilterInput,
  opts: { timezone?: string } = {},
): Promise<{ filter: DealFilter; timezone: string }> {
  if (input.ownerId?.includes('me') && !actor.userId) {
    throw fieldInvalid('ownerId', 'not_allowed', 'An API token has no "me": give a user id');
  }
  const timezone =
    opts.timezone ?? (await findOrganization(db, actor.orgId).then((o) => o?.timezone));
  if (!timezone) throw notFound('Organization');
  const q = input.q?.trim();
  return {
    timezone,
    filter: {
      orgId: actor.orgId,
      visibility: await dealVisibility(db, actor),
      pipelineId: input.pipelineId,
      ownerIds: input.ownerId?.map((id) => (id === 'me' ? actor.userId! : id)),
      groupIds: input.groupId,
      branchIds: input.branchId,
      typeIds: input.typeId,
      stageIds: input.stageId,
      personId: input.personId,
      companyId: input.companyId,
      search: q ? await searchOf(db, actor.orgId, q) : undefined,
      month: input.closeMonth ? monthOf(input.closeMonth, timezone) : undefined,
    },
  };
}

/** The groups given and every sub-group below them. */
function groupTree(orgId: string, ids: string[]): SQL {
  return sql`(with recursive sub(id) as (
      select ${groups.id} from ${groups}
      where ${groups.orgId} = ${orgId}::uuid and ${groups.id} = any(${sql.param(ids)}::uuid[])
      union
      select g.id from ${groups} g join sub on g.parent_id = sub.id where g.org_id = ${orgId}::uuid
    ) select id from sub)`;
}

/**
 * Words of the title, or the person's or company's name or phone by the search box's own
 * rule (live contacts, through the trigram index): the matching contacts are found once.
 */
async function searchOf(db: Db, orgId: string, q: string): Promise<SQL> {
  const byTitle = sql`lower(${deals.title}) like ${`%${escapeLike(q.toLowerCase())}%`}`;
  const byPerson = await contactSearchIn(db, orgId, q, deals.personId);
  const byCompany = await contactSearchIn(db, orgId, q, deals.companyId);
  return sql`(${sql.join(
    [byTitle, byPerson, byCompany].filter((c) => c !== null),
    sql` or `,
  )})`;
}

/** The conditions every deals query shares (not the state nor the month: callers add those). */
export function dealWhere(f: DealFilter): SQL {
  return and(
    eq(deals.orgId, f.orgId),
    f.visibility,
    f.pipelineId ? eq(deals.pipelineId, f.pipelineId) : undefined,
    f.ownerIds?.length ? inArray(deals.ownerId, f.ownerIds) : undefined,
    f.groupIds?.length ? sql`${deals.groupId} in ${groupTree(f.orgId, f.groupIds)}` : undefined,
    f.branchIds?.length ? inArray(deals.branchId, f.branchIds) : undefined,
    f.typeIds?.length ? inArray(deals.typeId, f.typeIds) : undefined,
    f.stageIds?.length ? inArray(deals.stageId, f.stageIds) : undefined,
    f.personId ? eq(deals.personId, f.personId) : undefined,
    f.companyId ? eq(deals.companyId, f.companyId) : undefined,
    f.search,
  )!;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Open deals, expected to close in the month if one is given. */
export function openIn(month?: Month): SQL {
  return and(
    isNull(deals.closedAt),
    month
      ? sql`${deals.expectedCloseDate} between ${month.firstDay}::date and ${month.lastDay}::date`
      : undefined,
  )!;
}

/** Won or lost deals closed in the month. */
export function closedIn(month: Month): SQL {
  return sql`${deals.closedAt} >= ${ts(month.from)} and ${deals.closedAt} < ${ts(month.to)}`;
}

/** A deals list's state: open, won or lost (by the stage), or all. */
export function stateWhere(state: 'open' | 'won' | 'lost' | 'all', month?: Month): SQL | undefined {
  if (state === 'open') return openIn(month);
  const inState = (s: 'won' | 'lost') =>
    sql`${deals.closedAt} is not null and exists (select 1 from ${dealStages} s
      where s.org_id = ${deals.orgId} and s.id = ${deals.stageId} and s.state = ${s})`;
  if (state === 'won' || state === 'lost') {
    return month ? sql`${inState(state)} and ${closedIn(month)}` : inState(state);
  }
  return month ? sql`((${openIn(month)}) or (${closedIn(month)}))` : undefined;
}
