import { assertCan } from '../../lib/actor.ts';
import { tasksAssigned } from './tasks.hooks.ts';
import type { TaskCtx } from './task-context.ts';
import { publishParentUpdated, publishTaskEvents } from './task-events.ts';
import {
  findLiveContacts,
  findTemplate,
  liveStatusExists,
  taskUserIds,
  type LiveContact,
  type TemplateRow,
} from './task-refs.repo.ts';
import {
  insertAutomationTasks,
  updateDueAndComment,
  type AutomationTaskRow,
} from './tasks.repo.ts';

/** A card automation makes for a client; the caller picks its id, so it can name it at once. */
export interface AutomationTaskInput {
  id: string;
  templateId: string;
  contactId: string;
  assigneeId: string | null;
  comment: string;
  dueAt: Date;
  /** Null: the card waits in Unsorted like a new lead. */
  statusId: string | null;
}

/** What became of each card: made, or why not. */
export type AutomationTaskOutcome = 'created' | 'template_unavailable' | 'contact_gone';

async function liveTemplates(ctx: TaskCtx, ids: string[], known: readonly TemplateRow[] = []) {
  const found = new Map<string, TemplateRow>();
  for (const id of ids) {
    const template =
      known.find((t) => t.id === id) ?? (await findTemplate(ctx.db, ctx.actor.orgId, id));
    // A client task is about this contact: not a round, not an internal task.
    if (
      template &&
      !template.archivedAt &&
      (template.type === 'call' || template.type === 'client')
    )
      found.set(id, template);
  }
  return found;
}

/**
 * Many client tasks at once, each as `createTask` makes one (T-1): the same checks, the
 * assignee told, the boards told; a handful of statements whatever their number. Pass a
 * transaction as `ctx.db`. A card whose template was archived, or whose person is gone, is not
 * made (its outcome says which); an assignee who no longer works with tasks is replaced by the
 * template's default assignee, else nobody; a status since archived leaves the card in Unsorted.
 */
export async function createAutomationTasks(
  ctx: TaskCtx,
  items: readonly AutomationTaskInput[],
  /**
   * What the caller read in the same transaction already (`defaultTemplateOf`, `firstStatusId`):
   * templates, and statuses it found live. The checks above apply to them all the same.
   */
  known: {
    templates?: readonly TemplateRow[];
    liveStatusIds?: readonly string[];
    /** `liveContactsOf` for every item's contact (one absent is not live). */
    contacts?: ReadonlyMap<string, LiveContact>;
  } = {},
): Promise<Map<string, AutomationTaskOutcome>> {
  assertCan(ctx.actor, 'tasks.write');
  const outcome = new Map<string, AutomationTaskOutcome>();
  if (items.length === 0) return outcome;
  const orgId = ctx.actor.orgId;
  const distinct = <T>(values: T[]) => [...new Set(values)];
  const templates = await liveTemplates(
    ctx,
    distinct(items.map((i) => i.templateId)),
    known.templates,
  );
  const contacts =
    known.contacts ??
    (await findLiveContacts(ctx.db, orgId, distinct(items.map((i) => i.contactId))));
  const wanted = items.flatMap((i) => (i.assigneeId ? [i.assigneeId] : []));
  for (const t of templates.values()) if (t.defaultAssigneeId) wanted.push(t.defaultAssigneeId);
  const staff = await taskUserIds(ctx.db, orgId, distinct(wanted));
  const statuses = new Map<string, boolean>();
  for (const id of distinct(items.flatMap((i) => (i.statusId ? [i.statusId] : [])))) {
    statuses.set(
      id,
      known.liveStatusIds?.includes(id) || (await liveStatusExists(ctx.db, orgId, id)),
    );
  }

  const rows: AutomationTaskRow[] = [];
  const names = new Map<string, string>();
  for (const item of items) {
    const template = templates.get(item.templateId);
    const contact = contacts.get(item.contactId);
    if (!template) {
      outcome.set(item.id, 'template_unavailable');
      continue;
    }
    if (!contact || (template.type === 'call' && contact.kind !== 'person')) {
      outcome.set(item.id, 'contact_gone');
      continue;
    }
    const fallback = template.defaultAssigneeId;
    const assigneeId =
      item.assigneeId && staff.has(item.assigneeId)
        ? item.assigneeId
        : fallback && staff.has(fallback)
          ? fallback
          : null;
    rows.push({
      id: item.id,
      type: template.type,
      templateId: template.id,
      contactId: contact.id,
      assigneeId,
      creatorId: ctx.actor.userId,
      comment: item.comment,
      dueAt: item.dueAt,
      statusId: item.statusId && statuses.get(item.statusId) ? item.statusId : null,
      branchId: contact.branchId,
    });
    names.set(item.id, template.name);
    outcome.set(item.id, 'created');
  }
  await insertAutomationTasks(ctx.db, orgId, rows, ctx.now);
  const assigned = rows.flatMap((row) =>
    row.assigneeId && row.assigneeId !== ctx.actor.userId
      ? [{ orgId, userId: row.assigneeId, taskId: row.id, text: names.get(row.id) ?? '' }]
      : [],
  );
  if (assigned.length > 0) await tasksAssigned.run(ctx.db, assigned);
  await publishTaskEvents(
    ctx.db,
    orgId,
    'task.created',
    rows.map((row) => ({ ...row, private: false })),
  );
  return outcome;
}

/**
 * New due times and comments for many tasks at once (automation moving the cards it made), as
 * `updateTask` writes them: each a new version, the boards told. Pass a transaction as `ctx.db`.
 */
export async function updateAutomationTasks(
  ctx: TaskCtx,
  items: ReadonlyArray<{ id: string; dueAt: Date; comment: string }>,
): Promise<void> {
  assertCan(ctx.actor, 'tasks.write');
  if (items.length === 0) return;
  const rows = await updateDueAndComment(ctx.db, ctx.actor.orgId, items, ctx.now);
  await publishTaskEvents(ctx.db, ctx.actor.orgId, 'task.updated', rows);
  for (const parentId of new Set(rows.flatMap((r) => (r.parentId ? [r.parentId] : [])))) {
    await publishParentUpdated(ctx.db, ctx.actor.orgId, parentId);
  }
}
