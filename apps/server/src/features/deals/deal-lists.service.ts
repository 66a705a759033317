import type {
  DealListItem,
  dealListItemCreateSchema,
  DealListKind,
  dealListItemUpdateSchema,
} from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, notFound } from '../../lib/errors.ts';
import { dealListItems } from './deals.table.ts';
import { assertCanRead } from './pipelines.service.ts';
import * as repo from './pipelines.repo.ts';

type ItemCreate = z.output<typeof dealListItemCreateSchema>;
type ItemUpdate = z.output<typeof dealListItemUpdateSchema>;

const WHAT: Record<DealListKind, string> = {
  'lost-reasons': 'A lost reason',
  types: 'A deal type',
};
const COLUMN = { 'lost-reasons': 'lostReasonId', types: 'typeId' } as const;

export function toItemDto(row: repo.ListItemRow): DealListItem {
  return { id: row.id, name: row.name, position: row.position, archived: row.archivedAt !== null };
}

export async function listDealItems(
  db: Db,
  actor: Actor,
  kind: DealListKind,
  query: { includeArchived: boolean },
) {
  assertCanRead(actor);
  const rows = await repo.listItems(db, actor.orgId, kind, query.includeArchived);
  return { items: rows.map(toItemDto) };
}

export async function createDealItem(db: Db, actor: Actor, kind: DealListKind, input: ItemCreate) {
  assertCan(actor, 'settings.manage');
  const position =
    input.position ??
    (await repo.nextPosition(
      db,
      dealListItems,
      and(eq(dealListItems.orgId, actor.orgId), eq(dealListItems.kind, kind))!,
    ));
  const row = await catchNameTaken(WHAT[kind], () =>
    repo.insertItem(db, { orgId: actor.orgId, kind, name: input.name, position }),
  );
  return toItemDto(row);
}

export async function updateDealItem(
  db: Db,
  actor: Actor,
  kind: DealListKind,
  id: string,
  input: ItemUpdate,
) {
  assertCan(actor, 'settings.manage');
  const existing = await repo.findItem(db, actor.orgId, kind, id);
  if (!existing) throw notFound('Entry');
  const { archived, ...patch } = input;
  const full: repo.ListItemPatch = { ...patch };
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    full.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(full).length === 0) return toItemDto(existing);
  const row = await catchNameTaken(WHAT[kind], () => repo.updateItem(db, actor.orgId, id, full));
  if (!row) throw notFound('Entry');
  return toItemDto(row);
}

/** An entry deals use is archived (they keep showing it); an unused one is deleted. */
export async function deleteDealItem(db: Db, actor: Actor, kind: DealListKind, id: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    const existing = await repo.findItem(tx, actor.orgId, kind, id);
    if (!existing) throw notFound('Entry');
    if (await repo.dealsUse(tx, actor.orgId, COLUMN[kind], id)) {
      if (!existing.archivedAt) {
        await repo.updateItem(tx, actor.orgId, id, { archivedAt: new Date() });
      }
      return { archived: true };
    }
    await repo.deleteItem(tx, actor.orgId, id);
    return { archived: false };
  });
}
