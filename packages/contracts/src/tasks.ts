import { z } from 'zod';
import { guardianRefSchema } from './families.ts';
import { idSchema, timestampSchema } from './common.ts';
import { contactFilterSchema, refSchema } from './contacts.ts';
import { taskTypeSchema } from './task-settings.ts';
import { TASK_SORTS, TASK_STATES } from './enums.ts';

// ---------------------------------------------------------------- the task (T-1)

/** T-7: overdue red, due today blue, later neutral; null for done tasks and tasks with no due. */
export const DUE_STATES = ['overdue', 'today', 'later'] as const;
export const dueStateSchema = z.enum(DUE_STATES);
export type DueState = z.infer<typeof dueStateSchema>;

const colouredRefSchema = refSchema.extend({ color: z.string(), background: z.string() });

export const taskContactSchema = z.object({
  id: idSchema,
  kind: z.enum(['person', 'company']),
  name: z.string(),
  /** The first phone (E.164), for the card and the call button. */
  phone: z.string().nullable(),
  /**
   * That phone written out, nationally and internationally, and its country: a page shows the
   * national form for the club's own country and the international one for the rest, without a
   * phone library of its own. Null when the phone is not a number the plan can read.
   */
  phoneDisplay: z
    .object({ country: z.string().nullable(), national: z.string(), international: z.string() })
    .nullable(),
  email: z.string().nullable(),
  responsibleId: idSchema.nullable(),
  /** A minor's primary guardian (issue 17): the card shows and dials their phone. */
  guardian: guardianRefSchema.nullable(),
});
export type TaskContact = z.infer<typeof taskContactSchema>;

/** A round's progress: sub-tasks done of total, and how many ended with each result. */
export const roundProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  tally: z.array(colouredRefSchema.extend({ count: z.number().int() })),
});
export type RoundProgress = z.infer<typeof roundProgressSchema>;

export const taskSchema = z.object({
  id: idSchema,
  type: taskTypeSchema,
  template: colouredRefSchema,
  contact: taskContactSchema.nullable(),
  assignee: refSchema.nullable(),
  creator: refSchema.nullable(),
  comment: z.string(),
  dueAt: timestampSchema.nullable(),
  remindAt: timestampSchema.nullable(),
  dueState: dueStateSchema.nullable(),
  status: colouredRefSchema.nullable(),
  /** "Taken into work" (T-6): who handles it now. */
  takenBy: refSchema.nullable(),
  takenAt: timestampSchema.nullable(),
  result: colouredRefSchema.nullable(),
  /** Result field values by field id (dates as YYYY-MM-DD, numbers, texts, choice option ids). */
  resultFields: z.record(z.string(), z.union([z.string(), z.number()])),
  resultComment: z.string(),
  completedAt: timestampSchema.nullable(),
  completedBy: refSchema.nullable(),
  /** The round this call belongs to. */
  parentId: idSchema.nullable(),
  /** The task whose result created this one (workflow chain). */
  previousId: idSchema.nullable(),
  /** The task this one's result created. */
  next: z.object({ id: idSchema, name: z.string(), dueAt: timestampSchema.nullable() }).nullable(),
  round: roundProgressSchema.nullable(),
  branchId: idSchema.nullable(),
  /** Internal tasks only: visible to creator and assignee alone. */
  private: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Task = z.infer<typeof taskSchema>;

const commentSchema = z.string().trim().max(4000);

/**
 * A new task. A `round` takes `personIds` or a contacts `filter` (the persons list's query) and
 * creates one `call` sub-task per person; every other type takes at most one `contactId`.
 */
export const taskCreateSchema = z.strictObject({
  templateId: idSchema,
  contactId: idSchema.nullable().default(null),
  /** Null: the template's default assignee, else the creator. */
  assigneeId: idSchema.nullable().optional(),
  comment: commentSchema.optional(),
  /**
   * Omitted: the template's due offset from now. A call round always has a due time: omitted
   * there, its `dueDate` (else the template's offset, else today) decides.
   */
  dueAt: timestampSchema.nullable().optional(),
  /**
   * Call rounds: the club day (YYYY-MM-DD) the calls are for. They are due at the start of
   * the working day, or, for today after it started, by the end of the working day.
   */
  dueDate: z.iso.date().optional(),
  remindAt: timestampSchema.nullable().default(null),
  statusId: idSchema.nullable().default(null),
  branchId: idSchema.nullable().default(null),
  private: z.boolean().default(false),
  personIds: z.array(idSchema).max(5000).optional(),
  filter: contactFilterSchema.optional(),
});
export type TaskCreate = z.input<typeof taskCreateSchema>;

export const taskUpdateSchema = z.strictObject({
  templateId: idSchema.optional(),
  contactId: idSchema.nullable().optional(),
  assigneeId: idSchema.nullable().optional(),
  comment: commentSchema.optional(),
  dueAt: timestampSchema.nullable().optional(),
  remindAt: timestampSchema.nullable().optional(),
  statusId: idSchema.nullable().optional(),
  branchId: idSchema.nullable().optional(),
  private: z.boolean().optional(),
  /** Re-open a completed task. */
  reopen: z.literal(true).optional(),
  version: z.number().int().optional(),
  force: z.boolean().optional(),
});
export type TaskUpdate = z.input<typeof taskUpdateSchema>;

/** POST /api/tasks/:id/result: completes the task (T-4, T-5). */
export const taskResultBodySchema = z.strictObject({
  /** Required when the template has results. */
  resultId: idSchema.nullable().default(null),
  fields: z.record(z.string(), z.union([z.string().max(2000), z.number()])).default({}),
  comment: commentSchema.default(''),
  version: z.number().int().optional(),
});
export type TaskResultBody = z.input<typeof taskResultBodySchema>;

export const taskResultResponseSchema = z.object({
  task: taskSchema,
  /** The next task the workflow created, if any. */
  nextTask: taskSchema.nullable(),
});

/** POST /api/tasks/:id/undo-result: takes back a result just entered ("Undo", issue 10). */
export const taskUndoResultBodySchema = z.strictObject({
  /** The completed task's version, as the result answered it. */
  version: z.number().int(),
});

export const taskUndoResultResponseSchema = z.object({
  /** The task, open again. */
  task: taskSchema,
  /** The next step the result had created, removed with it. */
  removedNextId: idSchema.nullable(),
  /** The next step, kept because someone has worked on it since. */
  keptNext: taskSchema.nullable(),
});
export type TaskUndoResult = z.infer<typeof taskUndoResultResponseSchema>;

/**
 * POST /api/tasks/:id/take: "take into work" (or `release: true` to let go). A task someone
 * else has taken answers 409 `task_taken` naming them; `takeOver: true` takes it from them.
 */
export const taskTakeBodySchema = z.strictObject({
  release: z.boolean().default(false),
  /** Take the task even when another staff member has it (a choice the user made). */
  takeOver: z.boolean().default(false),
});

// ---------------------------------------------------------------- lists (T-9)

export { TASK_SORTS, TASK_STATES };

const idList = z
  .union([idSchema, z.array(idSchema).max(100)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const taskListQuerySchema = z.strictObject({
  state: z.enum(TASK_STATES).default('open'),
  /** A user id, or `me`. */
  assigneeId: z.union([idSchema, z.literal('me')]).optional(),
  unassigned: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  /** Who completed it (a user id, or `me`): the control view's "done" numbers count by this. */
  completedById: z.union([idSchema, z.literal('me')]).optional(),
  type: z
    .union([taskTypeSchema, z.array(taskTypeSchema).max(4)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  templateId: idList.optional(),
  statusId: idList.optional(),
  /** Done with one of these results (the home page's "today's results"). */
  resultId: idList.optional(),
  /** Done without a result; with `resultId`, either. */
  noResult: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  branchId: idList.optional(),
  contactId: idSchema.optional(),
  /** A round's calls; `none` for tasks that are not a round's call. */
  parentId: z.union([idSchema, z.literal('none')]).optional(),
  /** Completed on or after / before this day (organization's calendar), for the control view. */
  doneFrom: z.iso.date().optional(),
  doneTo: z.iso.date().optional(),
  /** Created on or after / on or before this day (organization's calendar): the reports. */
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  /** Due before this day begins (organization's calendar): a report's overdue at a day's end. */
  dueBefore: z.iso.date().optional(),
  /** Assigned to a member (or manager) of this group. */
  groupId: idSchema.optional(),
  /** Contact name or phone, or the comment. */
  search: z.string().trim().max(200).optional(),
  sort: z.enum(TASK_SORTS).default('dueAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TaskListQuery = z.output<typeof taskListQuerySchema>;
export type TaskListQueryInput = z.input<typeof taskListQuerySchema>;

export const taskListSchema = z.object({ items: z.array(taskSchema), total: z.number().int() });
export type TaskList = z.infer<typeof taskListSchema>;

// ---------------------------------------------------------------- control (T-9)

export const controlQuerySchema = z.strictObject({ branchId: idList.optional() });
export const controlRowSchema = z.object({
  user: refSchema,
  open: z.number().int(),
  overdue: z.number().int(),
  doneToday: z.number().int(),
  doneThisWeek: z.number().int(),
});
export const controlSchema = z.object({
  rows: z.array(controlRowSchema),
  /** Open tasks nobody is assigned to. */
  unassigned: z.number().int(),
});
export type Control = z.infer<typeof controlSchema>;

// ---------------------------------------------------------------- board (T-8)

export const BOARD_COLUMNS = ['unsorted', 'overdue', 'today', 'tomorrow', 'week', 'later'] as const;
export const boardColumnSchema = z.enum(BOARD_COLUMNS);
export type BoardColumn = z.infer<typeof boardColumnSchema>;
/** Where a card may be dropped: Overdue and Unsorted are computed, never targets. */
export const DROP_COLUMNS = ['today', 'tomorrow', 'week', 'later'] as const;

export const boardQuerySchema = z.strictObject({
  branchId: idList.optional(),
  statusId: idList.optional(),
  assigneeId: z.union([idSchema, z.literal('me')]).optional(),
  templateId: idList.optional(),
  search: z.string().trim().max(200).optional(),
  /** One column's next page. */
  column: boardColumnSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type BoardQuery = z.output<typeof boardQuerySchema>;
export type BoardQueryInput = z.input<typeof boardQuerySchema>;

export const boardCardSchema = z.object({
  id: idSchema,
  type: taskTypeSchema,
  template: colouredRefSchema,
  contact: taskContactSchema.nullable(),
  assignee: refSchema.nullable(),
  takenBy: refSchema.nullable(),
  status: colouredRefSchema.nullable(),
  comment: z.string(),
  dueAt: timestampSchema.nullable(),
  dueState: dueStateSchema.nullable(),
  createdAt: timestampSchema,
  version: z.number().int(),
  /**
   * Speed to lead (decision 0029): since when the card's person has waited for a first contact
   * after a lead form submission; null when nobody is waiting.
   */
  waitingSince: timestampSchema.nullable(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

export const boardColumnPageSchema = z.object({
  column: boardColumnSchema,
  count: z.number().int(),
  items: z.array(boardCardSchema),
  nextCursor: z.string().nullable(),
  /** False when nothing may be dropped here now (This week on a Saturday or Sunday). */
  droppable: z.boolean(),
});
export type BoardColumnPage = z.infer<typeof boardColumnPageSchema>;

export const boardSchema = z.object({ columns: z.array(boardColumnPageSchema) });
export type Board = z.infer<typeof boardSchema>;

/** POST /api/tasks/:id/move: the due day moves to the column's first day, keeping the time. */
export const taskMoveSchema = z.strictObject({
  column: z.enum(DROP_COLUMNS),
  version: z.number().int().optional(),
});

// ---------------------------------------------------------------- reminders, badge (T-10)

/** `check_in`: a member with an open task checked in (issue 12's check-in rule). */
export const NOTIFICATION_KINDS = ['reminder', 'assigned', 'webhook_disabled', 'check_in'] as const;
export const notificationSchema = z.object({
  id: idSchema,
  /**
   * 'webhook_disabled': an outbound webhook endpoint was switched off (text: its address);
   * 'check_in': a member with an open task checked in.
   */
  kind: z.enum(NOTIFICATION_KINDS),
  task: z.object({ id: idSchema, name: z.string(), contactName: z.string().nullable() }).nullable(),
  text: z.string(),
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});

export const badgeSchema = z.object({
  /** Open to-dos of the current user due today or overdue. */
  todo: z.number().int(),
  overdue: z.number().int(),
  unreadNotifications: z.number().int(),
});
export type Badge = z.infer<typeof badgeSchema>;

// ---------------------------------------------------------------- live events (T-12)

export { LIVE_EVENT_TYPES, liveEventSchema, type LiveEvent } from './live-events.ts';

// ---------------------------------------------------------------- calendar feed

export const calendarFeedSchema = z.object({
  /**
   * The private iCalendar URL (path only). Only its SHA-256 is stored, so it is shown once,
   * in the answer that creates or rotates it; every other answer has null.
   */
  url: z.string().nullable(),
  /** Whether the user has a working feed (rotate it to see a new URL). */
  active: z.boolean(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
