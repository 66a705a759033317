export { tasks } from './tasks.table.ts';
/**
 * `taskVisibility(db, actor)`: the WHERE condition of every task query (organization, branch
 * limit, private tasks).
 */
export { taskVisibility, taskVisibilityShape, type VisibilityPart } from './task-visibility.ts';
/**
 * Row → API shape for a whole page: `loadTaskRefs(db, orgId, rows)` (a handful of queries
 * whatever the page size) then `toTaskDto(row, refs, bounds)`; `toTaskDtos` does both.
 */
export { loadTaskRefs, toTaskDto, toTaskDtos, type TaskRefs } from './tasks.dto.ts';
export type { TaskRow } from './tasks.repo.ts';
/** `taskSearchCondition(db, orgId, text)`: the contact's name/phone or the comment (board and lists). */
export { taskSearchCondition } from './task-search.ts';
/** A task (or many at once) was given to a colleague (the notifications feature tells them). */
export {
  taskAssigned,
  tasksAssigned,
  taskReminderDue,
  type TaskAssignment,
} from './tasks.hooks.ts';
/** A result was entered or taken back (speed to lead records the first contact). */
export { taskResultEntered, taskResultUndone, type TaskResultEvent } from './tasks.hooks.ts';
/** A task was created or completed with its result (outbound webhooks listen). */
export { taskChanged, type TaskChange } from './tasks.hooks.ts';
/** `runReminderSweep(db, now, limit?)`: fires the due reminders once (tests pin the time). */
export { runReminderSweep } from './reminder-sweep.ts';
/**
 * Cards made by other features' automation (club event rules): `createTask(ctx, input)` and
 * `updateTask(ctx, id, patch)` as the API does them, `defaultTemplateOf(db, orgId, 'call')`,
 * `firstStatusId(db, orgId)` (a card with a status leaves Unsorted).
 */
export { createTask } from './task-create.service.ts';
export { updateTask } from './task-update.service.ts';
/**
 * The same for many cards at once (a drain of club events): `createAutomationTasks(ctx, items)`
 * with ids chosen by the caller, answering each card's outcome, and
 * `updateAutomationTasks(ctx, [{ id, dueAt, comment }])`; a handful of statements for any number.
 */
export {
  createAutomationTasks,
  updateAutomationTasks,
  type AutomationTaskInput,
  type AutomationTaskOutcome,
} from './task-batch.service.ts';
/** `liveContactsOf(db, orgId, ids)`: the live ones among them with their kind, branch and responsible. */
export {
  defaultTemplateOf,
  firstStatusId,
  findLiveContacts as liveContactsOf,
  type LiveContact,
  type TemplateRow,
} from './task-refs.repo.ts';
export type { TaskCtx } from './task-context.ts';
