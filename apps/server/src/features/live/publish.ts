import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema, liveEventSchema, roleSchema, type LiveEvent } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';

/** The one NOTIFY channel every instance LISTENs on. */
export const EVENTS_CHANNEL = 'spotter_events';

/**
 * What decides who may see a task (the tasks feature's visibility rules read the same columns):
 * a task event carries these facts, and each stream passes on only what its user may see.
 */
export const taskAudienceSchema = z.object({
  branchId: idSchema.nullable(),
  private: z.boolean(),
  creatorId: idSchema.nullable(),
  assigneeId: idSchema.nullable(),
});
export type TaskAudience = z.infer<typeof taskAudienceSchema>;

/**
 * Who an incoming call's pop is for: the staff on duty at the call's branch (signed in with the
 * app open; staff limited to other branches do not hear it), of one role or of every role that
 * may see persons. `branchId` null: the branch is unknown, so every branch's staff.
 */
export const callReachSchema = z.object({
  branchId: idSchema.nullable(),
  role: roleSchema.nullable(),
});
export type CallReach = z.infer<typeof callReachSchema>;

type DealEventType = Extract<LiveEvent['type'], `deal.${string}`>;
type TaskEventType = Exclude<
  LiveEvent['type'],
  'notification.created' | 'call.incoming' | DealEventType
>;

/** What a feature announces. An event about one task says who may hear of it. */
export type PublishedEvent =
  | {
      type: TaskEventType;
      taskId: string;
      /** Reaches a stream when any entry is visible to its user (e.g. the task before and after). */
      audience: TaskAudience[];
    }
  /** Many tasks changed at once (a merge): no id, so every stream may hear of it. */
  | { type: 'task.updated'; taskId?: undefined }
  | { type: 'notification.created'; userId: string }
  /** A known person is calling: their card pops up for the staff the reach names. */
  | { type: 'call.incoming'; contactId: string; callId?: string; reach: CallReach }
  /**
   * A deal changed: to the staff who work deals (ids only; their next read shows what they
   * may see of it).
   */
  | { type: DealEventType; dealId: string; pipelineId: string };

/** The NOTIFY payload: an event of one organization, or word that a user's access changed. */
export const orgEventSchema = z.union([
  z.object({
    ...liveEventSchema.shape,
    orgId: idSchema,
    audience: z.array(taskAudienceSchema).optional(),
    reach: callReachSchema.optional(),
  }),
  z.object({ orgId: idSchema, type: z.literal('access.changed'), userId: idSchema }),
]);
export type OrgEvent = z.infer<typeof orgEventSchema>;

/** Transactions whose announcements wait to be sent together (`publishingTogether`). */
const held = new WeakMap<Db, string[]>();

async function notifyAll(db: Db, payloads: readonly string[]): Promise<void> {
  const waiting = held.get(db);
  if (waiting) {
    waiting.push(...payloads);
    return;
  }
  if (payloads.length === 1) {
    await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payloads[0]})`);
    return;
  }
  await db.execute(
    sql`select pg_notify(${EVENTS_CHANNEL}, p) from jsonb_array_elements_text(${JSON.stringify(payloads)}::jsonb) as p`,
  );
}

/**
 * Announces a change to the organization's streams whose users may see it (T-12). It is a
 * NOTIFY, so inside a transaction it is sent only when that transaction commits, and a
 * rolled-back change is never announced; every instance's `/api/events` streams receive it.
 */
export async function publishEvent(db: Db, orgId: string, event: PublishedEvent): Promise<void> {
  await notifyAll(db, [JSON.stringify({ orgId, ...event } satisfies OrgEvent)]);
}

/** Many announcements in one statement (automation changing many tasks at once). */
export async function publishEvents(
  db: Db,
  orgId: string,
  events: readonly PublishedEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await notifyAll(
    db,
    events.map((event) => JSON.stringify({ orgId, ...event })),
  );
}

/**
 * Runs `work` in the transaction `tx`, holding what it announces on `tx` until it is done, then
 * sends it all in one statement, in the order announced. A NOTIFY is delivered only when its
 * transaction commits, so the streams see the same events in the same order as if each had
 * been sent at once; a transaction that announces from several features (a drain's batch: new
 * cards, their assignees' notifications, calls to pop) sends one statement instead of several.
 */
export async function publishingTogether<T>(tx: Db, work: () => Promise<T>): Promise<T> {
  if (held.has(tx)) return work();
  const payloads: string[] = [];
  held.set(tx, payloads);
  let result: T;
  try {
    result = await work();
  } finally {
    held.delete(tx);
  }
  if (payloads.length > 0) await notifyAll(tx, payloads);
  return result;
}

/**
 * A user's branches, role or access changed: every instance ends their open streams, and the
 * browser reconnects (as the new user facts, or not at all). Pass the transaction that made
 * the change, so the streams end only once it is committed.
 */
export async function endLiveStreams(db: Db, orgId: string, userId: string): Promise<void> {
  const payload: OrgEvent = { orgId, type: 'access.changed', userId };
  await notifyAll(db, [JSON.stringify(payload)]);
}
