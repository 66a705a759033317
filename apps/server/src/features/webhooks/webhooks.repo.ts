import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { users } from '../users/index.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from './webhooks.table.ts';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** An organization keeps a handful of endpoints; emitting reads them on every change. */
export const MAX_ENDPOINTS = 20;

export function listEndpoints(db: Db, orgId: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .limit(MAX_ENDPOINTS);
}

export async function countEndpoints(db: Db, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.orgId, orgId));
  return row?.n ?? 0;
}

export async function findEndpoint(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  return row;
}

export async function insertEndpoint(db: Db, row: typeof webhookEndpoints.$inferInsert) {
  const [created] = await db.insert(webhookEndpoints).values(row).returning();
  return created!;
}

/** Applies the patch if the row is still at `version` (undefined: whatever it is). */
export async function updateEndpoint(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof webhookEndpoints.$inferInsert>,
  version?: number,
) {
  const conditions = [eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)];
  if (version !== undefined) conditions.push(eq(webhookEndpoints.version, version));
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...patch, version: sql`${webhookEndpoints.version} + 1` })
    .where(and(...conditions))
    .returning();
  return row;
}

export async function deleteEndpoint(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The switched-on endpoints that hear this event type (the emit path, every change). */
export function endpointsHearing(db: Db, orgId: string, type: string) {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.enabled, true),
        sql`${type} = any(${webhookEndpoints.eventTypes})`,
      ),
    )
    .limit(MAX_ENDPOINTS);
}

export function insertDeliveries(db: Db, rows: Array<typeof webhookDeliveries.$inferInsert>) {
  return db.insert(webhookDeliveries).values(rows).returning({ id: webhookDeliveries.id });
}

export async function findDelivery(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
  return row;
}

export async function insertAttempt(db: Db, row: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(row);
}

export async function updateDelivery(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<typeof webhookDeliveries.$inferInsert>,
) {
  await db
    .update(webhookDeliveries)
    .set(patch)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
}

/** A success ends the endpoint's failing streak. */
export async function markEndpointAnswering(db: Db, orgId: string, id: string) {
  await db
    .update(webhookEndpoints)
    .set({ failingSince: null })
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.id, id),
        sql`${webhookEndpoints.failingSince} is not null`,
      ),
    );
}

/** A failure starts the streak if none is running; answers when it started. */
export async function markEndpointFailing(db: Db, orgId: string, id: string, at: Date) {
  const [row] = await db
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning({ failingSince: webhookEndpoints.failingSince, enabled: webhookEndpoints.enabled });
  return row;
}

/** Switches a failing endpoint off, once: answers whether this call did it. */
export async function disableFailingEndpoint(db: Db, orgId: string, id: string) {
  const rows = await db
    .update(webhookEndpoints)
    .set({
      enabled: false,
      disabledReason: 'failing',
      version: sql`${webhookEndpoints.version} + 1`,
    })
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.id, id),
        eq(webhookEndpoints.enabled, true),
      ),
    )
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** The organization's owners and admins who can sign in: told when an endpoint is switched off. */
export function adminIds(db: Db, orgId: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.orgId, orgId), eq(users.active, true), inArray(users.role, ['owner', 'admin'])),
    )
    .limit(50);
}

/** One page of an endpoint's delivery log, newest first (keyset on at, id). */
export function listAttempts(
  db: Db,
  orgId: string,
  endpointId: string,
  opts: { cursor?: TimeCursor; limit: number },
) {
  const conditions = [eq(webhookAttempts.orgId, orgId), eq(webhookAttempts.endpointId, endpointId)];
  if (opts.cursor) conditions.push(olderThan(webhookAttempts.at, webhookAttempts.id, opts.cursor));
  return db
    .select({
      id: webhookAttempts.id,
      deliveryId: webhookAttempts.deliveryId,
      messageId: webhookDeliveries.messageId,
      eventType: webhookDeliveries.eventType,
      at: webhookAttempts.at,
      cursorAt: cursorAtOf(webhookAttempts.at),
      outcome: webhookAttempts.outcome,
      status: webhookAttempts.status,
      durationMs: webhookAttempts.durationMs,
      error: webhookAttempts.error,
      responseExcerpt: webhookAttempts.responseExcerpt,
      attempt: webhookAttempts.attempt,
    })
    .from(webhookAttempts)
    .innerJoin(
      webhookDeliveries,
      and(
        eq(webhookDeliveries.orgId, webhookAttempts.orgId),
        eq(webhookDeliveries.id, webhookAttempts.deliveryId),
      ),
    )
    .where(and(...conditions))
    .orderBy(desc(webhookAttempts.at), desc(webhookAttempts.id))
    .limit(opts.limit + 1);
}

/** Finished deliveries (and their tries) older than `before`, a batch at a time. */
export async function pruneDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  const old = db
    .select({ orgId: webhookDeliveries.orgId, id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(lt(webhookDeliveries.createdAt, before), sql`${webhookDeliveries.state} <> 'pending'`),
    )
    .limit(limit);
  const rows = await db
    .delete(webhookDeliveries)
    .where(sql`(${webhookDeliveries.orgId}, ${webhookDeliveries.id}) in (${old})`)
    .returning({ id: webhookDeliveries.id });
  return rows.length;
}
