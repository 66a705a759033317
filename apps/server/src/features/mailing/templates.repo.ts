import { and, asc, eq, sql } from 'drizzle-orm';
import type { MailTemplateVariant } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { mailTemplates } from './mailing.table.ts';

export type MailTemplateRow = typeof mailTemplates.$inferSelect;

/** An organization keeps at most this many templates: the list is read whole. */
export const MAX_TEMPLATES = 500;

export const listTemplates = (db: Db, orgId: string) =>
  db
    .select()
    .from(mailTemplates)
    .where(eq(mailTemplates.orgId, orgId))
    .orderBy(asc(sql`lower(${mailTemplates.name})`), asc(mailTemplates.id))
    .limit(MAX_TEMPLATES);

export async function countTemplates(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailTemplates)
    .where(eq(mailTemplates.orgId, orgId));
  return row?.n ?? 0;
}

export async function findTemplate(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailTemplates)
    .where(and(eq(mailTemplates.orgId, orgId), eq(mailTemplates.id, id)));
  return row;
}

export async function insertTemplate(
  db: Db,
  orgId: string,
  values: { name: string; variants: MailTemplateVariant[] },
) {
  const [row] = await db
    .insert(mailTemplates)
    .values({ orgId, ...values })
    .returning();
  return row!;
}

export async function updateTemplate(
  db: Db,
  orgId: string,
  id: string,
  version: number,
  patch: { name?: string; variants?: MailTemplateVariant[] },
) {
  const [row] = await db
    .update(mailTemplates)
    .set({ ...patch, updatedAt: new Date(), version: sql`${mailTemplates.version} + 1` })
    .where(
      and(
        eq(mailTemplates.orgId, orgId),
        eq(mailTemplates.id, id),
        eq(mailTemplates.version, version),
      ),
    )
    .returning();
  return row;
}

export async function deleteTemplate(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(mailTemplates)
    .where(and(eq(mailTemplates.orgId, orgId), eq(mailTemplates.id, id)))
    .returning({ id: mailTemplates.id });
  return rows.length > 0;
}

/** What a person's placeholders are filled with: their names, responsible and branch. */
export async function personValues(db: Db, orgId: string, personId: string) {
  const [row] = await db
    .select({
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      fullName: contacts.displayName,
      responsibleName: users.name,
      branchName: branches.name,
    })
    .from(contacts)
    .leftJoin(users, and(eq(users.orgId, contacts.orgId), eq(users.id, contacts.responsibleId)))
    .leftJoin(branches, and(eq(branches.orgId, contacts.orgId), eq(branches.id, contacts.branchId)))
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.id, personId),
        eq(contacts.kind, 'person'),
        sql`${contacts.deletedAt} is null`,
      ),
    );
  return row;
}
