import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { lookups } from '../contact-settings/index.ts';
import { contactHistory, contacts, personRelations } from './contacts.table.ts';

/**
 * The statements of the relations API (issue 17): reading, linking and unlinking guardians and
 * children. Rules live in relations.service.ts; every query filters by the organization.
 */

export type RelationRow = typeof personRelations.$inferSelect;

/** What a family block shows of a relative, and what the rules check (kind, trash). */
const memberColumns = {
  id: contacts.id,
  kind: contacts.kind,
  displayName: contacts.displayName,
  birthDate: contacts.birthDate,
  phones: contacts.phones,
  emails: contacts.emails,
  consentEmail: contacts.consentEmail,
  consentSms: contacts.consentSms,
  deletedAt: contacts.deletedAt,
};

/** The contacts of these ids in the org, live or in the trash (the service says which is fine). */
export async function membersByIds(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select(memberColumns)
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, [...ids])));
}
export type MemberRow = Awaited<ReturnType<typeof membersByIds>>[number];

/** Locks a child's row for the transaction, so two requests cannot both make a first primary. */
export async function lockPerson(db: Db, orgId: string, id: string) {
  await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)))
    .for('update');
}

export async function findRelation(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(personRelations)
    .where(and(eq(personRelations.orgId, orgId), eq(personRelations.id, id)));
  return row;
}

/** A link between the two in either direction. */
export async function relationBetween(db: Db, orgId: string, a: string, b: string) {
  const [row] = await db
    .select()
    .from(personRelations)
    .where(
      and(
        eq(personRelations.orgId, orgId),
        or(
          and(eq(personRelations.guardianId, a), eq(personRelations.childId, b)),
          and(eq(personRelations.guardianId, b), eq(personRelations.childId, a)),
        ),
      ),
    );
  return row;
}

export async function hasPrimary(db: Db, orgId: string, childId: string) {
  const [row] = await db
    .select({ id: personRelations.id })
    .from(personRelations)
    .where(
      and(
        eq(personRelations.orgId, orgId),
        eq(personRelations.childId, childId),
        eq(personRelations.isPrimary, true),
      ),
    );
  return row !== undefined;
}

/** Clears the child's primary guardian (before another becomes it: the index allows one). */
export async function clearPrimary(db: Db, orgId: string, childId: string) {
  await db
    .update(personRelations)
    .set({ isPrimary: false })
    .where(
      and(
        eq(personRelations.orgId, orgId),
        eq(personRelations.childId, childId),
        eq(personRelations.isPrimary, true),
      ),
    );
}

export async function insertRelation(db: Db, values: typeof personRelations.$inferInsert) {
  const [row] = await db.insert(personRelations).values(values).returning();
  return row!;
}

export async function updateRelation(
  db: Db,
  orgId: string,
  id: string,
  patch: { roleId?: string | null; isPrimary?: boolean },
) {
  const [row] = await db
    .update(personRelations)
    .set(patch)
    .where(and(eq(personRelations.orgId, orgId), eq(personRelations.id, id)))
    .returning();
  return row!;
}

export async function deleteRelation(db: Db, orgId: string, id: string) {
  await db
    .delete(personRelations)
    .where(and(eq(personRelations.orgId, orgId), eq(personRelations.id, id)));
}

/** After the primary guardian went: the oldest remaining link of the child becomes primary. */
export async function promoteOldest(db: Db, orgId: string, childId: string) {
  await db.execute(sql`
    update ${personRelations} set is_primary = true
    where org_id = ${orgId}::uuid and id = (
      select id from ${personRelations}
      where org_id = ${orgId}::uuid and child_id = ${childId}::uuid
      order by created_at, id limit 1)
      and not exists (select 1 from ${personRelations}
        where org_id = ${orgId}::uuid and child_id = ${childId}::uuid and is_primary)`);
}

/** Every link this person has, as guardian or as child. */
export async function relationsOf(db: Db, orgId: string, personId: string) {
  return db
    .select()
    .from(personRelations)
    .where(
      and(
        eq(personRelations.orgId, orgId),
        or(eq(personRelations.guardianId, personId), eq(personRelations.childId, personId)),
      ),
    )
    .orderBy(asc(personRelations.createdAt), asc(personRelations.id));
}

/** The name of a 'relation-roles' lookup of the org that is not archived, or undefined. */
export async function relationRoleName(db: Db, orgId: string, roleId: string) {
  const [row] = await db
    .select({ name: lookups.name })
    .from(lookups)
    .where(
      and(
        eq(lookups.orgId, orgId),
        eq(lookups.kind, 'relation-roles'),
        eq(lookups.id, roleId),
        isNull(lookups.archivedAt),
      ),
    );
  return row?.name;
}

/** Names of these roles (any state: a history entry names what the link was). */
export async function roleNames(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: lookups.id, name: lookups.name })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), inArray(lookups.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** This person's guardians (primary first) and children (oldest first), with each relative. */
export async function familyLinks(db: Db, orgId: string, personId: string) {
  const guardian = sql`${contacts.id} = ${personRelations.guardianId}`;
  const child = sql`${contacts.id} = ${personRelations.childId}`;
  const on = (side: typeof guardian) => and(eq(contacts.orgId, personRelations.orgId), side);
  const base = eq(personRelations.orgId, orgId);
  const [guardians, children] = await Promise.all([
    db
      .select({ relation: personRelations, member: memberColumns })
      .from(personRelations)
      .innerJoin(contacts, on(guardian))
      .where(and(base, eq(personRelations.childId, personId)))
      .orderBy(
        desc(personRelations.isPrimary),
        asc(personRelations.createdAt),
        asc(personRelations.id),
      ),
    db
      .select({ relation: personRelations, member: memberColumns })
      .from(personRelations)
      .innerJoin(contacts, on(child))
      .where(and(base, eq(personRelations.guardianId, personId)))
      .orderBy(sql`${contacts.birthDate} asc nulls last`, asc(contacts.sortName), asc(contacts.id)),
  ]);
  return { guardians, children };
}

/** Other children of these guardians (distinct, never the person themself), oldest first. */
export async function siblingsOf(
  db: Db,
  orgId: string,
  personId: string,
  guardianIds: readonly string[],
) {
  if (guardianIds.length === 0) return [];
  return db
    .selectDistinct({ ...memberColumns, sortName: contacts.sortName })
    .from(personRelations)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, personRelations.orgId), eq(contacts.id, personRelations.childId)),
    )
    .where(
      and(
        eq(personRelations.orgId, orgId),
        inArray(personRelations.guardianId, [...guardianIds]),
        ne(personRelations.childId, personId),
      ),
    )
    .orderBy(sql`${contacts.birthDate} asc nulls last`, asc(contacts.sortName), asc(contacts.id));
}

/** Which of these ids are guardians of the child (a consent given for a minor names one). */
export async function guardiansAmong(
  db: Db,
  orgId: string,
  childId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: personRelations.guardianId })
    .from(personRelations)
    .where(
      and(
        eq(personRelations.orgId, orgId),
        eq(personRelations.childId, childId),
        inArray(personRelations.guardianId, [...ids]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * A merge (C-13): the source's links move to the target. A link to the target itself, or to
 * someone the target is linked with already (either way round), goes instead; a moved link
 * stays primary only where the child has no primary guardian otherwise, and a child left
 * without one gets its oldest guardian as primary.
 */
export async function moveRelations(db: Db, orgId: string, sourceId: string, targetId: string) {
  const org = sql`${orgId}::uuid`;
  const src = sql`${sourceId}::uuid`;
  const dst = sql`${targetId}::uuid`;
  const moved = await db.execute(sql`
    select guardian_id, child_id from ${personRelations}
    where org_id = ${org} and (guardian_id = ${src} or child_id = ${src})`);
  const affected = new Set<string>([targetId]);
  for (const r of (moved as unknown as { rows: Array<{ guardian_id: string; child_id: string }> })
    .rows) {
    if (r.guardian_id === sourceId) affected.add(r.child_id);
  }
  await db.execute(sql`
    delete from ${personRelations} s
    where s.org_id = ${org} and (s.guardian_id = ${src} or s.child_id = ${src})
      and (
        s.guardian_id = ${dst} or s.child_id = ${dst}
        or exists (
          select 1 from ${personRelations} t
          where t.org_id = ${org}
            and (t.guardian_id = ${dst} or t.child_id = ${dst})
            and (case when s.guardian_id = ${src} then s.child_id else s.guardian_id end)
              = (case when t.guardian_id = ${dst} then t.child_id else t.guardian_id end)))`);
  // The target as a child keeps its own primary guardian, if it has one.
  await db.execute(sql`
    update ${personRelations} set is_primary = false
    where org_id = ${org} and child_id = ${src} and is_primary
      and exists (select 1 from ${personRelations}
        where org_id = ${org} and child_id = ${dst} and is_primary)`);
  await db.execute(sql`
    update ${personRelations} set guardian_id = ${dst}
    where org_id = ${org} and guardian_id = ${src}`);
  await db.execute(sql`
    update ${personRelations} set child_id = ${dst}
    where org_id = ${org} and child_id = ${src}`);
  for (const childId of affected) await promoteOldest(db, orgId, childId);
}

/**
 * Erasure (C-16): the erased person's name goes from the relation entries of their relatives'
 * timelines too (those entries name them), through the timelines' index.
 */
export async function scrubRelativeHistory(
  db: Db,
  orgId: string,
  personId: string,
  relativeIds: readonly string[],
  name: string,
) {
  if (relativeIds.length === 0) return;
  await db.execute(sql`
    update ${contactHistory}
    set data = jsonb_set(data, '{personName}', to_jsonb(${name}::text))
    where org_id = ${orgId}::uuid
      and contact_id = any(${`{${relativeIds.join(',')}}`}::uuid[])
      and event in ('relation_added', 'relation_removed')
      and data->>'personId' = ${personId}`);
}

/**
 * Erasure (C-16) of a person whom other persons' timelines name because of a family: a call
 * made to a guardian about a child (`calledName` on the child, `aboutName` on the guardian),
 * a campaign message that went to a guardian about children (`aboutNames` on the guardian,
 * `sentToName` on each child). Those names become `name`, whoever the entry belongs to now —
 * a relative unlinked since too. Erasing is rare, so this reads the organization's timeline
 * entries of those kinds rather than keeping an index for it.
 */
export async function scrubFamilyMentions(db: Db, orgId: string, personId: string, name: string) {
  const who = sql`to_jsonb(${name}::text)`;
  await db.execute(sql`
    update ${contactHistory} set data = jsonb_set(data, '{calledName}', ${who})
    where org_id = ${orgId}::uuid and event = 'task_result' and data->>'calledId' = ${personId}`);
  await db.execute(sql`
    update ${contactHistory} set data = jsonb_set(data, '{aboutName}', ${who})
    where org_id = ${orgId}::uuid and event = 'task_result' and data->>'aboutId' = ${personId}`);
  await db.execute(sql`
    update ${contactHistory} set data = jsonb_set(data, '{sentToName}', ${who})
    where org_id = ${orgId}::uuid and event in ('email_sent', 'sms_sent')
      and data->>'sentToId' = ${personId}`);
  await db.execute(sql`
    update ${contactHistory} h set data = jsonb_set(h.data, '{aboutNames}', (
      select coalesce(jsonb_agg(case when i.id = ${personId} then ${who} else n.name end
        order by i.ord), '[]'::jsonb)
      from jsonb_array_elements_text(h.data->'aboutIds') with ordinality i(id, ord)
      left join jsonb_array_elements(h.data->'aboutNames') with ordinality n(name, ord)
        on n.ord = i.ord))
    where h.org_id = ${orgId}::uuid and h.event in ('email_sent', 'sms_sent')
      and h.data->'aboutIds' ? ${personId}`);
}
