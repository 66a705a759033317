import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { can, ROLES } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import {
  defaultTemplate,
  firstTaskStatusId,
  taskDictionaries,
  taskResults,
  taskStatuses,
  taskTemplates,
} from '../task-settings/index.ts';
import { users } from '../users/index.ts';

/**
 * What tasks read from the settings and from other features' tables: templates, results,
 * dictionaries, statuses, staff and contacts, always within one organization.
 */
export type TemplateRow = typeof taskTemplates.$inferSelect;
export type ResultRow = typeof taskResults.$inferSelect;
export type DictionaryRow = typeof taskDictionaries.$inferSelect;

/** Roles that may be given tasks (those that can see them). */
export const TASK_ROLES = ROLES.filter((r) => can(r, 'tasks.read'));

/** The default template of a type (the settings seed the defaults when an org has none). */
export async function defaultTemplateOf(
  db: Db,
  orgId: string,
  type: TemplateRow['type'],
): Promise<TemplateRow | undefined> {
  return defaultTemplate(db, orgId, type);
}

/** The first live status: a task taken into work or moved on the board leaves Unsorted. */
export function firstStatusId(db: Db, orgId: string): Promise<string | null> {
  // A function, not an alias: the settings feature imports tasks too, and an alias taken
  // while that import cycle is still loading would be undefined.
  return firstTaskStatusId(db, orgId);
}

export async function findTemplate(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, orgId), eq(taskTemplates.id, id)));
  return row;
}

/** A template's results that may still be entered, in their configured order. */
export function activeResults(db: Db, orgId: string, templateId: string) {
  return db
    .select()
    .from(taskResults)
    .where(
      and(
        eq(taskResults.orgId, orgId),
        eq(taskResults.templateId, templateId),
        isNull(taskResults.archivedAt),
      ),
    )
    .orderBy(asc(taskResults.position), asc(taskResults.id))
    .limit(200);
}

export async function findDictionaries(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, DictionaryRow>();
  const rows = await db
    .select()
    .from(taskDictionaries)
    .where(and(eq(taskDictionaries.orgId, orgId), inArray(taskDictionaries.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function liveStatusExists(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(
      and(eq(taskStatuses.orgId, orgId), eq(taskStatuses.id, id), isNull(taskStatuses.archivedAt)),
    );
  return row !== undefined;
}

/** An active staff member of the organization whose role sees tasks. */
export async function taskUserExists(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.id, id),
        eq(users.active, true),
        inArray(users.role, [...TASK_ROLES]),
      ),
    );
  return row !== undefined;
}

/** A live (not deleted) person or company of the organization. */
export async function findLiveContact(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      branchId: contacts.branchId,
      responsibleId: contacts.responsibleId,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id), isNull(contacts.deletedAt)));
  return row;
}

/** The live persons and companies among `ids` (a batch's worth), by id. */
export async function findLiveContacts(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, LiveContactRow>();
  const rows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      branchId: contacts.branchId,
      responsibleId: contacts.responsibleId,
    })
    .from(contacts)
    .where(
      and(eq(contacts.orgId, orgId), inArray(contacts.id, [...ids]), isNull(contacts.deletedAt)),
    );
  return new Map(rows.map((r) => [r.id, r]));
}
export type LiveContact = NonNullable<Awaited<ReturnType<typeof findLiveContact>>>;
type LiveContactRow = LiveContact;

/** Which of `ids` are active staff members whose role sees tasks. */
export async function taskUserIds(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.id, [...ids]),
        eq(users.active, true),
        inArray(users.role, [...TASK_ROLES]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** A contact's display name (live or in the trash), or undefined. */
export async function contactName(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select({ name: contacts.displayName })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
  return row?.name;
}
