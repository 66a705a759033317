import { LOCALES } from '@spotter/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { defaultRelationRoleNames, lookups } from '../contact-settings/index.ts';
import { contactHistory, contacts, personRelations } from './contacts.table.ts';

/** Everyday words for the first two default roles, beside the default names themselves. */
const ROLE_WORDS: Record<number, string[]> = {
  0: ['mom', 'mum', 'mor', 'mamma', 'mama', 'мать', 'мама', 'мати'],
  1: ['dad', 'far', 'pappa', 'tata', 'отец', 'папа', 'батько', 'тато'],
};

/**
 * The organization's 'relation-roles' by lower-case name, for a name written by someone else
 * (an import's cell, a club system's event): each role's own name, and for a role that still
 * has a default name (in any language), the default names of every language at its place
 * ("Father", "Pappa", "Ojciec", "Папа", "Тато") and everyday words for it. Pure.
 */
export function relationRolesByName(roles: ReadonlyArray<{ id: string; name: string }>) {
  const map = new Map<string, string>();
  for (const r of roles) if (!map.has(r.name.toLowerCase())) map.set(r.name.toLowerCase(), r.id);
  const defaults = LOCALES.map((l) => defaultRelationRoleNames(l).map((n) => n.toLowerCase()));
  for (const role of roles) {
    const lower = role.name.toLowerCase();
    const position = defaults.map((names) => names.indexOf(lower)).find((i) => i >= 0);
    if (position === undefined) continue;
    const names = [...defaults.map((d) => d[position]!), ...(ROLE_WORDS[position] ?? [])];
    for (const name of names) if (!map.has(name)) map.set(name, role.id);
  }
  return map;
}

/** `relationRolesByName` of the organization's live relation roles (one query). */
export async function loadRelationRoles(db: Db, orgId: string) {
  const roles = await db
    .select({ id: lookups.id, name: lookups.name })
    .from(lookups)
    .where(
      and(eq(lookups.orgId, orgId), eq(lookups.kind, 'relation-roles'), isNull(lookups.archivedAt)),
    )
    .orderBy(asc(lookups.position));
  return relationRolesByName(roles);
}

/** One guardian ↔ child link to make (both persons of the organization, alive or not). */
export interface GuardianLink {
  guardianId: string;
  childId: string;
  /** A 'relation-roles' lookup of the organization (checked by the caller), or none. */
  roleId?: string | null;
  /**
   * true: this guardian is the one to become primary if the child has no primary guardian
   * yet; false: never make them primary. Unset: the child's first link of the call becomes
   * primary when the child has none. A child that has a primary guardian keeps them (this
   * function never moves the primary).
   */
  primary?: boolean;
  /** Extra data for both history entries (an import's id and line, an event's id). */
  data?: Record<string, unknown>;
}

/** A link as written: only the pairs that did not exist yet. */
export interface LinkedGuardian {
  id: string;
  guardianId: string;
  childId: string;
  roleId: string | null;
  primary: boolean;
}

/**
 * Links guardians to children in ONE statement, with a `relation_added` history entry on
 * both persons of each new link. Idempotent: a pair that is linked already is left alone (its
 * role and primary flag too). The child's first guardian becomes primary: per child, the
 * first link of the call is primary when the child has no primary guardian yet (or when
 * `primary` asks for it and none exists). A pair of a person with themself is skipped.
 */
export async function linkGuardians(
  db: Db,
  orgId: string,
  links: readonly GuardianLink[],
  authorId: string | null = null,
): Promise<LinkedGuardian[]> {
  const seen = new Set<string>();
  const unique = links.filter((l) => {
    const pair = `${l.guardianId}:${l.childId}`;
    if (l.guardianId === l.childId || seen.has(pair)) return false;
    seen.add(pair);
    return true;
  });
  // One primary candidate per child, so the partial unique index never sees two in a
  // statement: the first link that asks for it, else the first that does not refuse it.
  const candidate = new Map<string, GuardianLink>();
  for (const l of unique)
    if (l.primary === true && !candidate.has(l.childId)) candidate.set(l.childId, l);
  for (const l of unique)
    if (l.primary !== false && !candidate.has(l.childId)) candidate.set(l.childId, l);
  const rows = unique.map((l) => ({
    guardian_id: l.guardianId,
    child_id: l.childId,
    role_id: l.roleId ?? null,
    want_primary: candidate.get(l.childId) === l,
    data: l.data ?? {},
  }));
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(guardian_id uuid, child_id uuid, role_id uuid, want_primary boolean, data jsonb)),
    ins as (
      insert into ${personRelations} (org_id, guardian_id, child_id, role_id, is_primary, created_by)
      select ${orgId}::uuid, v.guardian_id, v.child_id, v.role_id,
        v.want_primary and not exists (
          select 1 from ${personRelations} r
          where r.org_id = ${orgId}::uuid and r.child_id = v.child_id and r.is_primary),
        ${authorId}::uuid
      from input v
      on conflict do nothing
      returning id, guardian_id, child_id, role_id, is_primary),
    named as (
      select ins.*, v.data, g.display_name as guardian_name, c.display_name as child_name,
        l.name as role_name
      from ins
      join input v on v.guardian_id = ins.guardian_id and v.child_id = ins.child_id
      join ${contacts} g on g.org_id = ${orgId}::uuid and g.id = ins.guardian_id
      join ${contacts} c on c.org_id = ${orgId}::uuid and c.id = ins.child_id
      left join ${lookups} l on l.org_id = ${orgId}::uuid and l.id = ins.role_id),
    history as (
      insert into ${contactHistory} (org_id, contact_id, event, data, author_id)
      select ${orgId}::uuid, side.contact_id, 'relation_added', side.data, ${authorId}::uuid
      from named n cross join lateral (values
        (n.child_id, n.data || jsonb_build_object('relationId', n.id, 'as', 'guardian',
          'personId', n.guardian_id, 'personName', n.guardian_name, 'roleId', n.role_id,
          'roleName', n.role_name, 'primary', n.is_primary)),
        (n.guardian_id, n.data || jsonb_build_object('relationId', n.id, 'as', 'child',
          'personId', n.child_id, 'personName', n.child_name, 'roleId', n.role_id,
          'roleName', n.role_name, 'primary', n.is_primary))
      ) as side(contact_id, data))
    select id, guardian_id, child_id, role_id, is_primary from ins`);
  const written = (
    result as unknown as {
      rows: Array<{
        id: string;
        guardian_id: string;
        child_id: string;
        role_id: string | null;
        is_primary: boolean;
      }>;
    }
  ).rows;
  return written.map((r) => ({
    id: r.id,
    guardianId: r.guardian_id,
    childId: r.child_id,
    roleId: r.role_id,
    primary: r.is_primary,
  }));
}

/**
 * Links one guardian to one child (see `linkGuardians`): answers the new link, or null when
 * the pair was linked already.
 */
export async function linkGuardian(
  db: Db,
  link: GuardianLink & { orgId: string; authorId?: string | null },
): Promise<LinkedGuardian | null> {
  const { orgId, authorId, ...rest } = link;
  const [written] = await linkGuardians(db, orgId, [rest], authorId ?? null);
  return written ?? null;
}
