import type { Job as JobDto, JobState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { conflict, notFound } from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import * as repo from './jobs.repo.ts';

export function toJobDto(row: repo.ListedJobRow): JobDto {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    runAt: row.runAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The organization's own jobs in one state (failed ones, for the admin page), newest first. */
export async function listJobs(
  db: Db,
  actor: Actor,
  query: { state: JobState; limit: number; cursor?: string },
) {
  assertCan(actor, 'settings.manage');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await repo.listJobs(db, actor.orgId, {
    state: query.state,
    limit: query.limit + 1,
    cursor,
  });
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  return {
    items: page.map(toJobDto),
    nextCursor,
  };
}

/** Queues a failed job of the organization again, with all its attempts back. */
export async function retryJob(db: Db, actor: Actor, id: string, now: Date): Promise<JobDto> {
  assertCan(actor, 'settings.manage');
  const row = await repo.retryFailedJob(db, actor.orgId, id, now);
  if (row) return toJobDto(row);
  // Another organization's job, or a system job, is not found; only one of ours can conflict.
  const existing = await repo.findJob(db, actor.orgId, id);
  if (!existing) throw notFound('Job');
  throw conflict('job_not_failed', 'Only a failed job can be retried');
}
