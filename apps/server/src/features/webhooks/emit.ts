import { randomUUID } from 'node:crypto';
import type { WebhookEventType } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { enqueueJob } from '../jobs/index.ts';
import * as repo from './webhooks.repo.ts';

export const DELIVER_JOB = 'webhooks.deliver';
/**
 * Tries of one delivery: the runner waits 10 s, 20 s, 40 s … then an hour between tries
 * (decision 0007), so 32 tries span about 23 hours: "about a day".
 */
export const DELIVERY_ATTEMPTS = 32;

/** `msg_` and 32 hex digits: the `webhook-id` of one event, unique across organizations. */
export const newMessageId = () => `msg_${randomUUID().replaceAll('-', '')}`;

export interface WebhookEvent {
  orgId: string;
  type: WebhookEventType | 'webhook.test';
  /** The object as the API returns it, or a function that builds it (run only if needed). */
  data: unknown;
  /** The app's clock (tests pin it); the wall clock by default. */
  now?: Date;
}

const build = async (data: unknown) =>
  typeof data === 'function' ? await (data as () => Promise<unknown>)() : data;

/**
 * Queues one delivery of an event to each given endpoint: the outbox row and its job, written
 * with `db`. Pass the transaction of the change, so the event goes out if and only if the
 * change commits.
 */
export async function queueDeliveries(
  db: Db,
  event: WebhookEvent,
  endpointIds: readonly string[],
  /** A redelivery sends the same message again: its id and body as they were. */
  again?: { messageId: string; payload: Record<string, unknown> },
): Promise<string[]> {
  if (endpointIds.length === 0) return [];
  const now = event.now ?? new Date();
  const messageId = again?.messageId ?? newMessageId();
  const payload = again?.payload ?? {
    type: event.type,
    timestamp: now.toISOString(),
    data: await build(event.data),
  };
  const rows = await repo.insertDeliveries(
    db,
    endpointIds.map((endpointId) => ({
      orgId: event.orgId,
      endpointId,
      messageId,
      eventType: event.type,
      payload,
      createdAt: now,
    })),
  );
  for (const { id } of rows) {
    await enqueueJob(db, {
      kind: DELIVER_JOB,
      key: `webhooks:delivery:${id}`,
      orgId: event.orgId,
      payload: { deliveryId: id },
      runAt: now,
      maxAttempts: DELIVERY_ATTEMPTS,
    });
  }
  return rows.map((r) => r.id);
}

/**
 * Tells every switched-on endpoint of the organization that hears `type`. Call it
 * inside the transaction of the change it reports; the object is built only when an
 * endpoint hears the type. Answers how many deliveries were queued.
 */
export async function emitWebhookEvent(db: Db, event: WebhookEvent): Promise<number> {
  const endpoints = await repo.endpointsHearing(db, event.orgId, event.type);
  const ids = await queueDeliveries(
    db,
    event,
    endpoints.map((e) => e.id),
  );
  return ids.length;
}
