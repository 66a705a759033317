import { and, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { ContactKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { crmSettings } from '../contact-settings/index.ts';
import { users } from '../users/index.ts';
import { contacts, personRelations } from './contacts.table.ts';
import { promoteOldest } from './relations.links.repo.ts';
import { escapeLike } from '../../lib/like.ts';

/** The default of crm_settings.trash_retention_days, for organizations without a row. */
export const DEFAULT_RETENTION_DAYS = 30;

function trashWhere(orgId: string, opts: { kind?: ContactKind; search?: string }): SQL {
  const term = opts.search?.trim().toLowerCase();
  return and(
    eq(contacts.orgId, orgId),
    isNotNull(contacts.deletedAt),
    opts.kind ? eq(contacts.kind, opts.kind) : undefined,
    term
      ? sql`(${contacts.searchText} like ${`%${escapeLike(term)}%`} or ${contacts.sortName} like ${`%${escapeLike(term)}%`})`
      : undefined,
  )!;
}

export async function listTrash(
  db: Db,
  orgId: string,
  opts: { kind?: ContactKind; search?: string; limit: number; offset: number },
) {
  const where = trashWhere(orgId, opts);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: contacts.id,
        kind: contacts.kind,
        displayName: contacts.displayName,
        deletedAt: contacts.deletedAt,
        deletedById: contacts.deletedBy,
        deletedByName: users.name,
      })
      .from(contacts)
      .leftJoin(users, and(eq(users.id, contacts.deletedBy), eq(users.orgId, contacts.orgId)))
      .where(where)
      .orderBy(desc(contacts.deletedAt), desc(contacts.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Takes a record out of the trash; undefined when it is not in this organization's trash. */
export async function isTrashed(db: Db, orgId: string, kind: ContactKind, id: string) {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, kind),
        eq(contacts.id, id),
        isNotNull(contacts.deletedAt),
      ),
    );
  return row !== undefined;
}

/** Back from the trash; with `deletedBy`, only a record that user deleted. */
export async function restoreContact(
  db: Db,
  orgId: string,
  kind: ContactKind,
  id: string,
  deletedBy?: string,
) {
  const [row] = await db
    .update(contacts)
    .set({
      deletedAt: null,
      deletedBy: null,
      updatedAt: sql`now()`,
      version: sql`${contacts.version} + 1`,
    })
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, kind),
        eq(contacts.id, id),
        isNotNull(contacts.deletedAt),
        deletedBy ? eq(contacts.deletedBy, deletedBy) : undefined,
      ),
    )
    .returning();
  return row;
}

/** Deletes a trashed record for good (its history goes with it by cascade). */
export async function purgeContact(db: Db, orgId: string, id: string): Promise<boolean> {
  const where = and(eq(contacts.orgId, orgId), eq(contacts.id, id), isNotNull(contacts.deletedAt))!;
  const orphans = await childrenLosingPrimary(db, where);
  const rows = await db.delete(contacts).where(where).returning({ id: contacts.id });
  await promoteEach(db, orphans);
  return rows.length > 0;
}

/**
 * Purges, in every organization, what has been in the trash longer than that organization's
 * retention. `now` is a parameter so tests can pin the clock.
 */
export async function purgeExpired(db: Db, now: Date): Promise<number> {
  const retention = sql`coalesce((select ${crmSettings.trashRetentionDays} from ${crmSettings} where ${crmSettings.orgId} = ${contacts.orgId}), ${DEFAULT_RETENTION_DAYS})`;
  const where = and(
    isNotNull(contacts.deletedAt),
    sql`${contacts.deletedAt} < ${now.toISOString()}::timestamptz - make_interval(days => ${retention})`,
  )!;
  const orphans = await childrenLosingPrimary(db, where);
  const rows = await db.delete(contacts).where(where).returning({ id: contacts.id });
  // A child whose primary guardian went for good gets their oldest remaining one (issue 17).
  await promoteEach(db, orphans);
  return rows.length;
}

/** The children whose primary guardian is among the contacts `where` picks. */
function childrenLosingPrimary(db: Db, where: SQL) {
  return db
    .select({ orgId: personRelations.orgId, childId: personRelations.childId })
    .from(personRelations)
    .innerJoin(
      contacts,
      and(eq(contacts.orgId, personRelations.orgId), eq(contacts.id, personRelations.guardianId)),
    )
    .where(and(eq(personRelations.isPrimary, true), where));
}

async function promoteEach(db: Db, children: ReadonlyArray<{ orgId: string; childId: string }>) {
  for (const c of children) await promoteOldest(db, c.orgId, c.childId);
}
