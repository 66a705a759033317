/**
 * Test set-up for reminders, the badge and the calendar feed: tasks written straight into the
 * table, so these tests do not depend on the task routes.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { tasks, taskTemplates } from '../../schema.ts';

export async function templateId(db: Db, orgId: string, name = 'Personal call'): Promise<string> {
  const [found] = await db
    .select({ id: taskTemplates.id })
    .from(taskTemplates)
    .where(and(eq(taskTemplates.orgId, orgId), sql`lower(${taskTemplates.name}) = lower(${name})`));
  if (found) return found.id;
  const [row] = await db
    .insert(taskTemplates)
    .values({ orgId, type: 'call', name, color: '#1c7ed6', background: '#e7f5ff' })
    .returning({ id: taskTemplates.id });
  return row!.id;
}

export interface TaskSeed {
  orgId: string;
  assigneeId: string | null;
  template?: string;
  type?: 'call' | 'round' | 'client' | 'internal';
  dueAt?: Date | null;
  remindAt?: Date | null;
  completedAt?: Date | null;
  contactId?: string | null;
  creatorId?: string | null;
  comment?: string;
  private?: boolean;
  branchId?: string | null;
}

export async function insertTask(db: Db, seed: TaskSeed): Promise<string> {
  const [row] = await db
    .insert(tasks)
    .values({
      orgId: seed.orgId,
      type: seed.type ?? 'call',
      templateId: await templateId(db, seed.orgId, seed.template),
      assigneeId: seed.assigneeId,
      creatorId: seed.creatorId ?? seed.assigneeId,
      dueAt: seed.dueAt ?? null,
      remindAt: seed.remindAt ?? null,
      completedAt: seed.completedAt ?? null,
      contactId: seed.contactId ?? null,
      comment: seed.comment ?? '',
      private: seed.private ?? false,
      branchId: seed.branchId ?? null,
    })
    .returning({ id: tasks.id });
  return row!.id;
}

export const MINUTE = 60_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
