import type { Db } from '../../db/client.ts';
import { publishEvent, publishEvents, type TaskAudience } from '../live/index.ts';
import { findTaskAudience, roundCallBranches, type TaskRow } from './tasks.repo.ts';

type TaskEventType = 'task.created' | 'task.updated' | 'task.deleted';
type Facts = Pick<TaskRow, 'branchId' | 'private' | 'creatorId' | 'assigneeId'>;

/** The columns `taskVisibility` decides by: the live streams filter the event by them. */
const audienceOf = (row: Facts): TaskAudience => ({
  branchId: row.branchId,
  private: row.private,
  creatorId: row.creatorId,
  assigneeId: row.assigneeId,
});

const sameAudience = (a: TaskAudience, b: TaskAudience) =>
  a.branchId === b.branchId &&
  a.private === b.private &&
  a.creatorId === b.creatorId &&
  a.assigneeId === b.assigneeId;

/**
 * Announces a change of one task to the live streams of those who may see it (T-12), inside
 * the transaction. `before`, the task as it was, also reaches those who saw it until this
 * change (moved to another branch, re-assigned), so their pages let it go.
 */
export async function publishTaskEvent(
  tx: Db,
  orgId: string,
  type: TaskEventType,
  row: Facts & { id: string },
  before?: Facts,
): Promise<void> {
  const audience = [audienceOf(row)];
  if (before && !sameAudience(audience[0]!, audienceOf(before))) audience.push(audienceOf(before));
  await publishEvent(tx, orgId, { type, taskId: row.id, audience });
}

/** Many tasks created or changed at once, each to those who may see it, in one statement. */
export async function publishTaskEvents(
  tx: Db,
  orgId: string,
  type: TaskEventType,
  rows: ReadonlyArray<Facts & { id: string }>,
): Promise<void> {
  await publishEvents(
    tx,
    orgId,
    rows.map((row) => ({ type, taskId: row.id, audience: [audienceOf(row)] })),
  );
}

/** A round's progress changed with one of its calls: announced as the round is visible. */
export async function publishParentUpdated(tx: Db, orgId: string, parentId: string) {
  const parent = await findTaskAudience(tx, orgId, parentId);
  if (parent) await publishTaskEvent(tx, orgId, 'task.updated', { id: parentId, ...parent });
}

/**
 * A new call round: to those who see the round, and to those who see its calls (each call
 * is in its person's branch), whose boards now show them.
 */
export async function publishRoundCreated(tx: Db, orgId: string, round: TaskRow) {
  const branches = await roundCallBranches(tx, orgId, round.id);
  const calls = branches.map((branchId) => audienceOf({ ...round, branchId, private: false }));
  const audience = [audienceOf(round), ...calls];
  await publishEvent(tx, orgId, { type: 'task.created', taskId: round.id, audience });
}
