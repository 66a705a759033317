import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { eventSources } from './club-events.table.ts';

export type EventSourceRow = typeof eventSources.$inferSelect;

export async function insertSource(db: Db, row: typeof eventSources.$inferInsert) {
  const [created] = await db.insert(eventSources).values(row).returning();
  return created!;
}

/** An organization registers a handful of systems: one bounded page holds them. */
export function listSources(db: Db, orgId: string) {
  return db
    .select()
    .from(eventSources)
    .where(eq(eventSources.orgId, orgId))
    .orderBy(asc(eventSources.createdAt))
    .limit(200);
}

export async function findSource(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(eventSources)
    .where(and(eq(eventSources.orgId, orgId), eq(eventSources.id, id)));
  return row;
}

/** A delivery's source, before its organization is known (the id is unique on its own). */
const sourceById = (db: Db) =>
  db
    .select()
    .from(eventSources)
    .where(eq(eventSources.id, sql.placeholder('id')))
    .prepare('event_source_by_id');

const prepared = new WeakMap<Db, ReturnType<typeof sourceById>>();

export async function findSourceById(db: Db, id: string): Promise<EventSourceRow | undefined> {
  let query = prepared.get(db);
  if (!query) {
    query = sourceById(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ id });
  return row;
}

/** Writes the changes if the version matches; answers the new row, or undefined. */
export async function updateSource(
  db: Db,
  orgId: string,
  id: string,
  version: number,
  changes: Partial<typeof eventSources.$inferInsert>,
) {
  const [row] = await db
    .update(eventSources)
    .set({ ...changes, version: sql`${eventSources.version} + 1` })
    .where(
      and(
        eq(eventSources.orgId, orgId),
        eq(eventSources.id, id),
        eq(eventSources.version, version),
      ),
    )
    .returning();
  return row;
}

export async function deleteSource(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(eventSources)
    .where(and(eq(eventSources.orgId, orgId), eq(eventSources.id, id)))
    .returning({ id: eventSources.id });
  return rows.length > 0;
}

export async function touchSource(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(eventSources)
    .set({ lastEventAt: at })
    .where(and(eq(eventSources.orgId, orgId), eq(eventSources.id, id)));
}
