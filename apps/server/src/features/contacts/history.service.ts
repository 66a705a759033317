import type { ContactKind, HistoryEntry, noteCreateSchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { decodeTimeCursor, type TimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { userNames } from '../users/index.ts';
import { findContact } from './contacts.repo.ts';
import { assertStorable } from './contacts.service.ts';
import * as repo from './history.repo.ts';

export function toHistoryDto(row: repo.HistoryListRow): HistoryEntry {
  return {
    id: row.id,
    event: row.event as HistoryEntry['event'],
    typeId: row.typeId,
    text: row.text,
    data: row.data,
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? '' } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function assertLive(db: Db, actor: Actor, kind: ContactKind, id: string) {
  const row = await findContact(db, actor.orgId, kind, id);
  if (!row) throw notFound(kind === 'person' ? 'Person' : 'Company');
  return row;
}

export async function listContactHistory(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  id: string,
  query: { limit: number; cursor?: string },
) {
  assertCan(actor, 'contacts.read');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  await assertLive(db, actor, kind, id);
  const rows = await repo.listHistory(db, actor.orgId, id, query.limit + 1, cursor);
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  return {
    items: page.map(toHistoryDto),
    nextCursor,
  };
}

/** The whole timeline (a person's data export), read in pages so memory stays bounded per query. */
export async function listAllHistory(db: Db, orgId: string, contactId: string) {
  const out: HistoryEntry[] = [];
  let cursor: TimeCursor | undefined;
  for (;;) {
    const rows = await repo.listHistory(db, orgId, contactId, 1000, cursor);
    out.push(...rows.map(toHistoryDto));
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) return out;
    cursor = { at: last.cursorAt, id: last.id };
  }
}

export async function addNote(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  id: string,
  body: z.output<typeof noteCreateSchema>,
): Promise<HistoryEntry> {
  assertCan(actor, 'contacts.write');
  assertStorable(body);
  await assertLive(db, actor, kind, id);
  if (body.typeId && !(await repo.historyTypeExists(db, actor.orgId, body.typeId))) {
    throw fieldInvalid('typeId', 'unknown_reference', 'Unknown history type');
  }
  const row = await repo.insertHistory(db, actor.orgId, id, {
    event: 'note',
    text: body.text,
    typeId: body.typeId ?? null,
    authorId: actor.userId,
  });
  const names = await userNames(db, actor.orgId, actor.userId ? [actor.userId] : []);
  return toHistoryDto({
    ...row,
    authorName: row.authorId ? (names.get(row.authorId) ?? null) : null,
    cursorAt: '',
  });
}
