import { randomUUID } from 'node:crypto';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookAttempt,
  type WebhookEndpoint,
  type WebhookEventType,
  type webhookAttemptListQuerySchema,
  type webhookEndpointCreateSchema,
  type webhookEndpointUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { AppError, notFound, versionConflict } from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { newSigningSecret } from '../club-events/index.ts';
import { secretContext } from './deliver.jobs.ts';
import { queueDeliveries } from './emit.ts';
import * as repo from './webhooks.repo.ts';

export interface ServiceCtx {
  db: Db;
  actor: Actor;
  box: SecretBox;
  now: Date;
}

function toDto(row: repo.EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

async function endpointOf(ctx: ServiceCtx, id: string) {
  const row = await repo.findEndpoint(ctx.db, ctx.actor.orgId, id);
  if (!row) throw notFound('Webhook endpoint');
  return row;
}

export async function listEndpoints(ctx: ServiceCtx) {
  assertCan(ctx.actor, 'webhooks.manage');
  return { items: (await repo.listEndpoints(ctx.db, ctx.actor.orgId)).map(toDto) };
}

export async function getEndpoint(ctx: ServiceCtx, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  return toDto(await endpointOf(ctx, id));
}

export async function createEndpoint(
  ctx: ServiceCtx,
  input: z.output<typeof webhookEndpointCreateSchema>,
) {
  assertCan(ctx.actor, 'webhooks.manage');
  const { db, actor } = ctx;
  if ((await repo.countEndpoints(db, actor.orgId)) >= repo.MAX_ENDPOINTS) {
    throw new AppError(
      422,
      'too_many_endpoints',
      `An organization has at most ${repo.MAX_ENDPOINTS} webhook endpoints`,
    );
  }
  const secret = newSigningSecret();
  const id = randomUUID();
  const row = await repo.insertEndpoint(db, {
    id,
    orgId: actor.orgId,
    url: input.url,
    description: input.description,
    eventTypes: input.eventTypes,
    secretSealed: ctx.box.seal(secret, secretContext(actor.orgId, id)),
    createdAt: ctx.now,
  });
  return { endpoint: toDto(row), secret };
}

export async function updateEndpoint(
  ctx: ServiceCtx,
  id: string,
  input: z.output<typeof webhookEndpointUpdateSchema>,
) {
  assertCan(ctx.actor, 'webhooks.manage');
  const { version, ...patch } = input;
  const existing = await endpointOf(ctx, id);
  if (existing.version !== version) throw versionConflict(existing.version);
  // Switching it on again starts a fresh count of failures.
  const reenabled = patch.enabled === true && !existing.enabled;
  const row = await repo.updateEndpoint(
    ctx.db,
    ctx.actor.orgId,
    id,
    {
      ...patch,
      ...(patch.enabled !== undefined && { disabledReason: null }),
      ...(reenabled && { failingSince: null }),
    },
    version,
  );
  if (!row) throw versionConflict((await endpointOf(ctx, id)).version);
  return toDto(row);
}

export async function deleteEndpoint(ctx: ServiceCtx, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  if (!(await repo.deleteEndpoint(ctx.db, ctx.actor.orgId, id))) throw notFound('Webhook endpoint');
  return { ok: true as const };
}

/** A new secret at once; the old one stops signing (receivers must take the new one). */
export async function rotateSecret(ctx: ServiceCtx, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  await endpointOf(ctx, id);
  const secret = newSigningSecret();
  const row = await repo.updateEndpoint(ctx.db, ctx.actor.orgId, id, {
    secretSealed: ctx.box.seal(secret, secretContext(ctx.actor.orgId, id)),
  });
  if (!row) throw notFound('Webhook endpoint');
  return { endpoint: toDto(row), secret };
}

/** "Send test": a `webhook.test` event to this endpoint only, through the usual delivery. */
export async function sendTest(ctx: ServiceCtx, id: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  const endpoint = await endpointOf(ctx, id);
  const [deliveryId] = await ctx.db.transaction((tx) =>
    queueDeliveries(
      tx,
      {
        orgId: ctx.actor.orgId,
        type: WEBHOOK_TEST_EVENT,
        now: ctx.now,
        data: { endpointId: endpoint.id, message: 'A test event from Spotter' },
      },
      [endpoint.id],
    ),
  );
  return { deliveryId: deliveryId! };
}

/** The same message (id and body) once more, to the endpoint it went to, as a new delivery. */
export async function redeliver(ctx: ServiceCtx, endpointId: string, deliveryId: string) {
  assertCan(ctx.actor, 'webhooks.manage');
  const delivery = await repo.findDelivery(ctx.db, ctx.actor.orgId, deliveryId);
  if (!delivery || delivery.endpointId !== endpointId) throw notFound('Delivery');
  const [id] = await ctx.db.transaction((tx) =>
    queueDeliveries(
      tx,
      {
        orgId: ctx.actor.orgId,
        type: delivery.eventType as WebhookEventType,
        now: ctx.now,
        data: null,
      },
      [endpointId],
      { messageId: delivery.messageId, payload: delivery.payload },
    ),
  );
  return { deliveryId: id! };
}

export async function listAttempts(
  ctx: ServiceCtx,
  endpointId: string,
  query: z.output<typeof webhookAttemptListQuerySchema>,
) {
  assertCan(ctx.actor, 'webhooks.manage');
  await endpointOf(ctx, endpointId);
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await repo.listAttempts(ctx.db, ctx.actor.orgId, endpointId, {
    cursor,
    limit: query.limit,
  });
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  const items: WebhookAttempt[] = page.map((r) => ({
    id: r.id,
    deliveryId: r.deliveryId,
    messageId: r.messageId,
    eventType: r.eventType,
    at: r.at.toISOString(),
    outcome: r.outcome,
    status: r.status,
    durationMs: r.durationMs,
    error: r.error,
    responseExcerpt: r.responseExcerpt,
    attempt: r.attempt,
  }));
  return { items, nextCursor };
}
