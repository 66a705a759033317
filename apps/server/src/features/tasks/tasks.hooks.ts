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

/**
 * A task's reminder time came (T-10); runs in the sweep's transaction, once per reminder (the
 * notifications feature tells the assignee).
 */
export const taskReminderDue = new Hook<[tx: Db, reminder: TaskAssignment]>('taskReminderDue');

export interface TaskChange {
  orgId: string;
  change: 'created' | 'completed' | 'result_recorded';
  taskId: string;
  /** The app's clock at the change (tests pin it). */
  now: Date;
  /** The task as the API returns it, built only if a subscriber asks (it costs queries). */
  dto: () => Promise<unknown>;
}

/**
 * A task was created (by staff, a workflow's next step or automation) or completed with its
 * result; runs inside the change's transaction (outbound webhooks write their outbox row).
 */
export const taskChanged = new Hook<[tx: Db, change: TaskChange]>('taskChanged');
