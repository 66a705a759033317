import type { HistoryEntry } from '@spotter/contracts';
import { and, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { executeShaped } from '../../lib/named-statement.ts';
import { lookups } from '../contact-settings/index.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { users } from '../users/index.ts';
import { contactHistory } from './contacts.table.ts';

export type HistoryEvent = HistoryEntry['event'];

export interface HistoryInput {
  event: HistoryEvent;
  text?: string;
  /** A 'history-types' lookup of the org (checked by the caller). */
  typeId?: string | null;
  data?: Record<string, unknown>;
  authorId?: string | null;
  /** Defaults to now; an import stamps its batch's time on the contact and its entry alike. */
  createdAt?: Date;
}

/** The row one entry is (for a statement of another feature that writes it with its own). */
export const historyRow = (orgId: string, contactId: string, e: HistoryInput) => ({
  orgId,
  contactId,
  event: e.event,
  text: e.text ?? '',
  typeId: e.typeId ?? null,
  data: e.data ?? {},
  authorId: e.authorId ?? null,
  ...(e.createdAt && { createdAt: e.createdAt }),
});

export async function insertHistory(db: Db, orgId: string, contactId: string, entry: HistoryInput) {
  const [row] = await db
    .insert(contactHistory)
    .values(historyRow(orgId, contactId, entry))
    .returning();
  return row!;
}

/**
 * One INSERT for many entries (bulk changes, imports, a drain's batch), prepared once with the
 * entries as one JSON value: the query builder built a multi-row INSERT with every call.
 */
export async function insertHistoryMany(
  db: Db,
  orgId: string,
  entries: ReadonlyArray<HistoryInput & { contactId: string }>,
): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    contact_id: e.contactId,
    event: e.event,
    text: e.text ?? '',
    type_id: e.typeId ?? null,
    data: e.data ?? {},
    author_id: e.authorId ?? null,
    created_at: e.createdAt?.toISOString() ?? null,
  }));
  await executeShaped(
    db,
    'contact_history.insert_many',
    () => sql`
      insert into ${contactHistory} (org_id, contact_id, event, text, type_id, data, author_id,
        created_at)
      select ${sql.placeholder('orgId')}::uuid, x.contact_id, x.event, x.text, x.type_id, x.data,
        x.author_id, coalesce(x.created_at, now())
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb) as x(contact_id uuid,
        event text, text text, type_id uuid, data jsonb, author_id uuid, created_at timestamptz)`,
    { orgId, rows: JSON.stringify(rows) },
  );
}

const columns = {
  id: contactHistory.id,
  event: contactHistory.event,
  typeId: contactHistory.typeId,
  text: contactHistory.text,
  data: contactHistory.data,
  authorId: contactHistory.authorId,
  authorName: users.name,
  createdAt: contactHistory.createdAt,
  cursorAt: cursorAtOf(contactHistory.createdAt),
};

/** Newest first; ties on the timestamp broken by id so pages never skip or repeat. */
export function listHistory(
  db: Db,
  orgId: string,
  contactId: string,
  limit: number,
  cursor?: TimeCursor,
) {
  const where = [eq(contactHistory.orgId, orgId), eq(contactHistory.contactId, contactId)];
  if (cursor) {
    where.push(olderThan(contactHistory.createdAt, contactHistory.id, cursor));
  }
  return db
    .select(columns)
    .from(contactHistory)
    .leftJoin(users, and(eq(users.id, contactHistory.authorId), eq(users.orgId, orgId)))
    .where(and(...where))
    .orderBy(desc(contactHistory.createdAt), desc(contactHistory.id))
    .limit(limit);
}

export type HistoryListRow = Awaited<ReturnType<typeof listHistory>>[number];

/** A merge keeps both timelines: the source's entries now belong to the target. */
export async function moveHistory(db: Db, orgId: string, fromId: string, toId: string) {
  await db
    .update(contactHistory)
    .set({ contactId: toId })
    .where(and(eq(contactHistory.orgId, orgId), eq(contactHistory.contactId, fromId)));
}

/** Events whose data holds only ids (no personal text) and keeps reports true after erasure. */
const NEUTRAL_EVENTS: HistoryEvent[] = ['status_changed', 'responsible_changed'];

/** Erasure (C-16): every text of the timeline goes; events and dates stay for counts. */
export async function eraseHistoryTexts(db: Db, orgId: string, contactId: string) {
  const base = and(eq(contactHistory.orgId, orgId), eq(contactHistory.contactId, contactId));
  await db.update(contactHistory).set({ text: '' }).where(base);
  await db
    .update(contactHistory)
    .set({ data: {} })
    .where(and(base, notInArray(contactHistory.event, NEUTRAL_EVENTS)));
}

/** Is this a (not archived) history event type of the org? */
export async function historyTypeExists(db: Db, orgId: string, typeId: string) {
  const [row] = await db
    .select({ id: lookups.id })
    .from(lookups)
    .where(
      and(
        eq(lookups.orgId, orgId),
        eq(lookups.kind, 'history-types'),
        eq(lookups.id, typeId),
        isNull(lookups.archivedAt),
      ),
    );
  return row !== undefined;
}
