import type { DealOutcome, DealTaskList } from '@spotter/contracts';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { actorCan, assertCan, type Actor } from '../../lib/actor.ts';
import { boardBounds } from '../../lib/club-time.ts';
import { notFound } from '../../lib/errors.ts';
import { publishEvent } from '../live/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { taskResults } from '../task-settings/index.ts';
import { tasks, taskVisibility, toTaskDtos, type TaskResultEvent } from '../tasks/index.ts';
import { dealVisibility } from './deal-visibility.ts';
import { findDeal, insertDealHistory } from './deals.repo.ts';
import { moveDealTo } from './deals.service.ts';
import { dealStages, dealTasks } from './deals.table.ts';

async function visibleDeal(db: Db, actor: Actor, dealId: string) {
  const deal = await findDeal(db, actor.orgId, dealId, {
    visibility: await dealVisibility(db, actor),
  });
  if (!deal) throw notFound('Deal');
  return deal;
}

/** The deal's tasks the caller may see: open ones first, by due time; then the done ones. */
export async function listDealTasks(
  db: Db,
  actor: Actor,
  dealId: string,
  now: Date,
): Promise<DealTaskList> {
  assertCan(actor, 'deals.read');
  await visibleDeal(db, actor, dealId);
  // Someone who works deals but not tasks (an integration's token) sees the deal without them.
  if (!actorCan(actor, 'tasks.read')) return { items: [] };
  const rows = await db
    .select({ task: tasks })
    .from(dealTasks)
    .innerJoin(tasks, and(eq(tasks.orgId, dealTasks.orgId), eq(tasks.id, dealTasks.taskId)))
    .where(
      and(
        eq(dealTasks.orgId, actor.orgId),
        eq(dealTasks.dealId, dealId),
        await taskVisibility(db, actor),
      ),
    )
    .orderBy(
      sql`${tasks.completedAt} is not null`,
      asc(tasks.dueAt),
      asc(tasks.createdAt),
      asc(tasks.id),
    )
    .limit(500);
  const org = await findOrganization(db, actor.orgId);
  const bounds = boardBounds(now, org?.timezone ?? 'UTC');
  return {
    items: await toTaskDtos(
      db,
      actor.orgId,
      rows.map((r) => r.task),
      bounds,
    ),
  };
}

/** Links a task (one the caller sees) to the deal; a task linked elsewhere moves here. */
export async function linkDealTask(
  db: Db,
  actor: Actor,
  dealId: string,
  taskId: string,
  now: Date,
): Promise<DealTaskList> {
  assertCan(actor, 'deals.write');
  const deal = await visibleDeal(db, actor, dealId);
  const [task] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), await taskVisibility(db, actor)));
  if (!task) throw notFound('Task');
  await db.transaction(async (tx) => {
    await tx
      .insert(dealTasks)
      .values({ orgId: actor.orgId, dealId, taskId, createdAt: now })
      .onConflictDoUpdate({
        target: [dealTasks.orgId, dealTasks.taskId],
        set: { dealId, createdAt: now },
      });
    await insertDealHistory(tx, actor.orgId, [
      { dealId, event: 'task_linked', data: { taskId }, authorId: actor.userId, createdAt: now },
    ]);
    await publishEvent(tx, actor.orgId, {
      type: 'deal.updated',
      dealId,
      pipelineId: deal.pipelineId,
    });
  });
  return listDealTasks(db, actor, dealId, now);
}

export async function unlinkDealTask(
  db: Db,
  actor: Actor,
  dealId: string,
  taskId: string,
  now: Date,
): Promise<DealTaskList> {
  assertCan(actor, 'deals.write');
  const deal = await visibleDeal(db, actor, dealId);
  const removed = await db
    .delete(dealTasks)
    .where(
      and(
        eq(dealTasks.orgId, actor.orgId),
        eq(dealTasks.dealId, dealId),
        eq(dealTasks.taskId, taskId),
      ),
    )
    .returning({ taskId: dealTasks.taskId });
  if (removed.length === 0) throw notFound('Task');
  await publishEvent(db, actor.orgId, {
    type: 'deal.updated',
    dealId,
    pipelineId: deal.pipelineId,
  });
  return listDealTasks(db, actor, dealId, now);
}

/**
 * A task's result was entered (the tasks feature's hook, in its transaction): when the task
 * belongs to an open deal and its result says what that means for the deal ("bought" → won),
 * the deal moves: to its pipeline's first won stage, or to the next open stage.
 */
export async function dealOutcomeOfResult(tx: Db, event: TaskResultEvent): Promise<void> {
  const [link] = await tx
    .select({
      dealId: dealTasks.dealId,
      outcome: taskResults.dealOutcome,
      userId: tasks.completedById,
    })
    .from(dealTasks)
    .innerJoin(tasks, and(eq(tasks.orgId, dealTasks.orgId), eq(tasks.id, dealTasks.taskId)))
    .innerJoin(
      taskResults,
      and(eq(taskResults.orgId, tasks.orgId), eq(taskResults.id, tasks.resultId)),
    )
    .where(and(eq(dealTasks.orgId, event.orgId), eq(dealTasks.taskId, event.taskId)));
  if (!link?.outcome) return;
  const deal = await findDeal(tx, event.orgId, link.dealId, { forUpdate: true });
  if (!deal || deal.closedAt !== null) return;
  const stageId = await outcomeStage(tx, event.orgId, deal, link.outcome);
  if (!stageId) return;
  // The result's author moves it; the result's setting (an admin's) is what allows it.
  const actor: Actor = {
    orgId: event.orgId,
    userId: link.userId,
    role: null,
    via: 'token',
    permissions: ['deals.write', 'contacts.write'],
  };
  await moveDealTo(tx, actor, deal, stageId, event.at);
}

async function outcomeStage(
  tx: Db,
  orgId: string,
  deal: { pipelineId: string; stageId: string },
  outcome: DealOutcome,
): Promise<string | null> {
  const stages = await tx
    .select()
    .from(dealStages)
    .where(
      and(
        eq(dealStages.orgId, orgId),
        eq(dealStages.pipelineId, deal.pipelineId),
        isNull(dealStages.archivedAt),
      ),
    )
    .orderBy(asc(dealStages.position), asc(dealStages.createdAt), asc(dealStages.id));
  if (outcome === 'won') return stages.find((s) => s.state === 'won')?.id ?? null;
  const here = stages.findIndex((s) => s.id === deal.stageId);
  return stages.slice(here + 1).find((s) => s.state === 'open')?.id ?? null;
}
