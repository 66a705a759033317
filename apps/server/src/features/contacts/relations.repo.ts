import type { GuardianRef } from '@spotter/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { clubDate } from '../../lib/club-time.ts';
import { phoneDisplay } from '../../lib/phones.ts';
import { crmSettings, lookups } from '../contact-settings/index.ts';
import { organizations } from '../organizations/index.ts';
import { birthDateRange } from './family-age.ts';
import { contacts, personRelations } from './contacts.table.ts';

/**
 * What "minor" means today for one organization (issue 17): its date on the club's clock, its
 * adult age (CRM settings, 18 by default) and the latest birth date of an adult — a person
 * born after `adultBorn` is a minor. ONE statement.
 */
export async function familyClock(db: Db, orgId: string, now: Date) {
  const [row] = await db
    .select({ timezone: organizations.timezone, adultAge: crmSettings.adultAge })
    .from(organizations)
    .leftJoin(crmSettings, eq(crmSettings.orgId, organizations.id))
    .where(eq(organizations.id, orgId));
  const today = clubDate(now, row?.timezone ?? 'UTC');
  const adultAge = row?.adultAge ?? 18;
  return { today, adultAge, adultBorn: birthDateRange(today, adultAge, undefined).latest! };
}
export type FamilyClock = Awaited<ReturnType<typeof familyClock>>;

/** `primaryGuardians`' answer: the family clock of today and the guardians by child id. */
export interface GuardiansOf {
  today: string;
  adultAge: number;
  guardians: Map<string, GuardianRef>;
}

/**
 * The primary guardian of each of these persons who is a minor today (or has no birth date):
 * whose phone a card or task about them shows and dials; a guardian in the trash is left out.
 * Answers with the club's date and adult age too (what ages and "minor" are counted with), all
 * in ONE statement, so a page of persons or cards pays one round trip for its families.
 */
export async function primaryGuardians(
  db: Db,
  orgId: string,
  childIds: readonly string[],
  now: Date,
): Promise<GuardiansOf> {
  const ids = [...new Set(childIds)];
  // Named and built once: every list page, board and task page runs it, and planning it cost
  // ten times what running it does (decision 0040).
  const rows = await executeShaped<{
    today: string;
    adult_age: number;
    child_id: string | null;
    id: string | null;
    name: string | null;
    phones: Array<{ number: string }> | null;
    role: string | null;
  }>(db, 'primary-guardians', guardiansStatement, {
    now: now.toISOString(),
    org: orgId,
    ids: `{${ids.join(',')}}`,
  });
  const guardians = new Map<string, GuardianRef>();
  for (const r of rows) {
    if (!r.child_id || !r.id) continue;
    const phone = r.phones?.[0]?.number ?? null;
    guardians.set(r.child_id, {
      id: r.id,
      name: r.name ?? '',
      role: r.role ?? null,
      phone,
      phoneDisplay: phoneDisplay(phone),
    });
  }
  const first = rows[0];
  return {
    today: first?.today ?? now.toISOString().slice(0, 10),
    adultAge: Number(first?.adult_age ?? 18),
    guardians,
  };
}

const guardiansStatement = () => {
  const org = sql.placeholder('org');
  return sql`
    with clock as (
      select (${sql.placeholder('now')}::timestamptz at time zone o.timezone)::date as today,
        coalesce(s.adult_age, 18) as adult_age
      from ${organizations} o left join ${crmSettings} s on s.org_id = o.id
      where o.id = ${org}::uuid)
    select to_char(clock.today, 'YYYY-MM-DD') as today, clock.adult_age, g.*
    from clock left join lateral (
      select r.child_id, gp.id, gp.display_name as name, gp.phones, l.name as role
      from ${personRelations} r
      join ${contacts} c on c.org_id = r.org_id and c.id = r.child_id
      join ${contacts} gp on gp.org_id = r.org_id and gp.id = r.guardian_id
      left join ${lookups} l on l.org_id = r.org_id and l.id = r.role_id
      where r.org_id = ${org}::uuid and r.is_primary
        and r.child_id = any(${sql.placeholder('ids')}::uuid[])
        and gp.deleted_at is null
        and (c.birth_date is null
          or c.birth_date > (clock.today - make_interval(years => clock.adult_age))::date)
    ) g on true`;
};
