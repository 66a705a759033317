import type { ContactKind, Status, statusCreateSchema, StatusUpdate } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, conflict, notFound } from '../../lib/errors.ts';
import { contactReferences } from './contact-references.port.ts';
import * as repo from './statuses.repo.ts';

type CreateInput = z.output<typeof statusCreateSchema>;

export function toStatusDto(row: repo.StatusRow): Status {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    abbreviation: row.abbreviation,
    color: row.color,
    background: row.background,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

const nameTakenAsStatus = <T>(work: () => Promise<T>) => catchNameTaken('A status', work);

export async function listStatuses(
  db: Db,
  actor: Actor,
  filter: { entity?: ContactKind; includeArchived: boolean },
) {
  assertCan(actor, 'contacts.read');
  const rows = await repo.listStatuses(db, actor.orgId, filter);
  return { items: rows.map(toStatusDto) };
}

export async function createStatus(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  const position = input.position ?? (await repo.nextStatusPosition(db, actor.orgId, input.entity));
  const row = await nameTakenAsStatus(() =>
    repo.insertStatus(db, { orgId: actor.orgId, ...input, position }),
  );
  return toStatusDto(row);
}

export async function updateStatus(db: Db, actor: Actor, id: string, input: StatusUpdate) {
  assertCan(actor, 'settings.manage');
  const existing = await repo.findStatus(db, actor.orgId, id);
  if (!existing) throw notFound('Status');
  const { archived, ...rest } = input;
  const patch: Parameters<typeof repo.updateStatus>[3] = { ...rest };
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toStatusDto(existing);
  const row = await nameTakenAsStatus(() => repo.updateStatus(db, actor.orgId, id, patch));
  if (!row) throw notFound('Status');
  return toStatusDto(row);
}

/** A status that live contacts show cannot go: archive it, or move them first. */
export async function deleteStatus(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    if (!(await repo.findStatus(tx, actor.orgId, id))) throw notFound('Status');
    const used = await contactReferences.get().countWithStatus(tx, actor.orgId, id);
    if (used > 0) {
      throw conflict(
        'in_use',
        `This status is used by ${used} ${used === 1 ? 'contact' : 'contacts'}; archive it or change their status first`,
        undefined,
        { count: used },
      );
    }
    // Only contacts in the trash can still show it.
    await contactReferences.get().clearStatus(tx, actor.orgId, id);
    if (!(await repo.deleteStatus(tx, actor.orgId, id))) throw notFound('Status');
  });
}
