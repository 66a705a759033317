import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

export interface TaskAssignment {
  orgId: string;
  /** The staff member who now has the task (never the one who assigned it). */
  userId: string;
  taskId: string;
  /** The template's name, for the notification's text. */
  text: string;
}

/**
 * Someone gave a task to a colleague (created, re-assigned, or a workflow's next step); runs in
 * the transaction that did it (the notifications feature tells the assignee).
 */
export const taskAssigned = new Hook<[tx: Db, assignment: TaskAssignment]>('taskAssigned');

/** Many tasks given out at once (automation's cards), each to its assignee; one organization. */
export const tasksAssigned = new Hook<[tx: Db, assignments: TaskAssignment[]]>('tasksAssigned');

/**
 * A task's reminder time came (T-10); runs in the sweep's transaction, once per reminder (the
 * notifications feature tells the assignee).
 */
export const taskReminderDue = new Hook<[tx: Db, reminder: TaskAssignment]>('taskReminderDue');
