import type { taskStatusCreateSchema, TaskStatusUpdate } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, notFound } from '../../lib/errors.ts';
import { toTaskStatusDto } from './task-settings.dto.ts';
import { archiveIfUsedElseDelete } from './task-settings.refs.ts';
import * as repo from './task-statuses.repo.ts';
import { taskReferences } from './task-references.port.ts';

type CreateInput = z.output<typeof taskStatusCreateSchema>;

const NAME = 'A task status';

export async function listTaskStatuses(db: Db, actor: Actor, query: { includeArchived: boolean }) {
  assertCan(actor, 'tasks.read');
  const rows = await repo.listTaskStatuses(db, actor.orgId, query.includeArchived);
  return { items: rows.map(toTaskStatusDto) };
}

export async function createTaskStatus(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  const position = input.position ?? (await repo.nextTaskStatusPosition(db, actor.orgId));
  const row = await catchNameTaken(NAME, () =>
    repo.insertTaskStatus(db, { orgId: actor.orgId, ...input, position }),
  );
  return toTaskStatusDto(row);
}

export async function updateTaskStatus(db: Db, actor: Actor, id: string, input: TaskStatusUpdate) {
  assertCan(actor, 'settings.manage');
  const existing = await repo.findTaskStatus(db, actor.orgId, id);
  if (!existing) throw notFound('Task status');
  const { archived, ...rest } = input;
  const patch: repo.TaskStatusPatch = { ...rest };
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toTaskStatusDto(existing);
  const row = await catchNameTaken(NAME, () => repo.updateTaskStatus(db, actor.orgId, id, patch));
  if (!row) throw notFound('Task status');
  return toTaskStatusDto(row);
}

/** T-6: a status open tasks show is archived (the board keeps showing it); else deleted. */
export async function deleteTaskStatus(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    const existing = await repo.findTaskStatus(tx, actor.orgId, id);
    if (!existing) throw notFound('Task status');
    return archiveIfUsedElseDelete(existing, 'Task status', {
      inUse: () => taskReferences.get().usesStatus(tx, actor.orgId, id),
      archive: () => repo.updateTaskStatus(tx, actor.orgId, id, { archivedAt: new Date() }),
      remove: () => repo.deleteTaskStatus(tx, actor.orgId, id),
    });
  });
}
