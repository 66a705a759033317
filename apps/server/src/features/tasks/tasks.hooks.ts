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

export interface TaskResultEvent {
  orgId: string;
  taskId: string;
  /** The task's type: a personal call or other client task is a contact with the person. */
  type: 'call' | 'round' | 'client' | 'internal';
  contactId: string | null;
  /** When the result was entered (the app's clock). */
  at: Date;
}

/**
 * A task was completed with its result (T-4), in the transaction that did it (speed to lead
 * records the first contact with a waiting lead).
 */
export const taskResultEntered = new Hook<[tx: Db, event: TaskResultEvent]>('taskResultEntered');

/** A result was taken back with Undo, in its transaction (speed to lead forgets that contact). */
export const taskResultUndone = new Hook<[tx: Db, event: TaskResultEvent]>('taskResultUndone');
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
