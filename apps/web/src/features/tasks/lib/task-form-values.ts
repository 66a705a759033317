import {
  can,
  type Role,
  type Task,
  type TaskCreate,
  type TaskTemplate,
  type TaskType,
  type TaskUpdate,
} from '@spotter/contracts';
import { fromZonedWall, toZonedWall, wallAfter } from './zoned-time.ts';

/** The task dialog's fields; dates are the pickers' wall times in the club's zone. */
export interface TaskFormValues {
  templateId: string | null;
  contactId: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  remindAt: string | null;
  statusId: string | null;
  comment: string;
  private: boolean;
}

export const EMPTY_TASK_VALUES: TaskFormValues = {
  templateId: null,
  contactId: null,
  assigneeId: null,
  dueAt: null,
  remindAt: null,
  statusId: null,
  comment: '',
  private: false,
};

export function valuesOfTask(task: Task, timeZone: string): TaskFormValues {
  return {
    templateId: task.template.id,
    contactId: task.contact?.id ?? null,
    assigneeId: task.assignee?.id ?? null,
    dueAt: toZonedWall(task.dueAt, timeZone),
    remindAt: toZonedWall(task.remindAt, timeZone),
    statusId: task.status?.id ?? null,
    comment: task.comment,
    private: task.private,
  };
}

/** Internal tasks have no client; only they can be private (seed 000's "Privat"). */
export const needsContact = (type: TaskType | undefined) => type !== 'internal';

/**
 * A template was picked: its defaults fill what the user has not typed yet. A comment still
 * equal to the previous template's default counts as untouched.
 */
export function applyTemplateDefaults(
  values: TaskFormValues,
  template: TaskTemplate,
  previous: TaskTemplate | undefined,
  now: Date,
  timeZone: string,
): TaskFormValues {
  const next = { ...values, templateId: template.id };
  const untouched = values.comment.trim() === '' || values.comment === previous?.defaultComment;
  if (untouched) next.comment = template.defaultComment;
  if (template.defaultAssigneeId) next.assigneeId = template.defaultAssigneeId;
  if (template.dueOffsetMinutes !== null) {
    next.dueAt = wallAfter(now, template.dueOffsetMinutes, timeZone);
  }
  if (!needsContact(template.type)) next.contactId = null;
  else next.private = false;
  return next;
}

/** The create body; an empty due date is left to the template's offset on the server. */
export function toCreateBody(
  values: TaskFormValues,
  type: TaskType | undefined,
  timeZone: string,
): TaskCreate {
  const dueAt = fromZonedWall(values.dueAt, timeZone);
  return {
    templateId: values.templateId ?? '',
    contactId: needsContact(type) ? values.contactId : null,
    assigneeId: values.assigneeId,
    comment: values.comment.trim(),
    ...(dueAt ? { dueAt } : {}),
    remindAt: fromZonedWall(values.remindAt, timeZone),
    statusId: values.statusId,
    private: type === 'internal' && values.private,
  };
}

/** The PATCH body: every field the dialog shows, so a cleared date is cleared on the server. */
export function toUpdateBody(
  values: TaskFormValues,
  type: TaskType | undefined,
  timeZone: string,
): Omit<TaskUpdate, 'version' | 'force'> {
  return {
    templateId: values.templateId ?? undefined,
    contactId: needsContact(type) ? values.contactId : null,
    assigneeId: values.assigneeId,
    comment: values.comment.trim(),
    dueAt: fromZonedWall(values.dueAt, timeZone),
    remindAt: fromZonedWall(values.remindAt, timeZone),
    statusId: values.statusId,
    private: type === 'internal' && values.private,
  };
}

/** Templates a dialog offers: live ones, of the task's own type when editing (no round here). */
export function pickableTemplates(templates: TaskTemplate[], editing: Task | undefined) {
  return templates.filter((tpl) =>
    editing
      ? tpl.type === editing.type && (!tpl.archived || tpl.id === editing.template.id)
      : !tpl.archived && tpl.type !== 'round',
  );
}

/** Staff who can be given a task: their role works with tasks (instructors usually do not). */
export const worksWithTasks = (s: { role: Role }) => can(s.role, 'tasks.read');
