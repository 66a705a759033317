import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DealListKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { dealListItems, dealStages, deals, pipelines } from './deals.table.ts';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof dealStages.$inferSelect;
export type ListItemRow = typeof dealListItems.$inferSelect;
export type PipelinePatch = Partial<
  Pick<PipelineRow, 'name' | 'position' | 'wonStatusId' | 'archivedAt'>
>;
export type StagePatch = Partial<
  Pick<StageRow, 'name' | 'probability' | 'state' | 'color' | 'position' | 'archivedAt'>
>;
export type ListItemPatch = Partial<Pick<ListItemRow, 'name' | 'position' | 'archivedAt'>>;

// A club has a few pipelines of a few stages each: one read is all of them.
const LIMIT = 1000;

export function listPipelines(db: Db, orgId: string, includeArchived: boolean) {
  return db
    .select()
    .from(pipelines)
    .where(
      and(eq(pipelines.orgId, orgId), includeArchived ? undefined : isNull(pipelines.archivedAt)),
    )
    .orderBy(asc(pipelines.position), asc(sql`lower(${pipelines.name})`), asc(pipelines.id))
    .limit(LIMIT);
}

export function listStages(
  db: Db,
  orgId: string,
  opts: { pipelineIds?: string[]; includeArchived: boolean },
) {
  return db
    .select()
    .from(dealStages)
    .where(
      and(
        eq(dealStages.orgId, orgId),
        opts.pipelineIds ? inArray(dealStages.pipelineId, opts.pipelineIds) : undefined,
        opts.includeArchived ? undefined : isNull(dealStages.archivedAt),
      ),
    )
    .orderBy(asc(dealStages.position), asc(dealStages.createdAt), asc(dealStages.id))
    .limit(LIMIT);
}

export async function findPipeline(db: Db, orgId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The first live pipeline: where a deal goes when none is named. */
export async function firstPipeline(db: Db, orgId: string) {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), isNull(pipelines.archivedAt)))
    .orderBy(asc(pipelines.position), asc(sql`lower(${pipelines.name})`), asc(pipelines.id))
    .limit(1);
  return row;
}

export async function countLivePipelines(db: Db, orgId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), isNull(pipelines.archivedAt)));
  return Number(row?.n ?? 0);
}

export async function nextPosition(
  db: Db,
  table: typeof pipelines | typeof dealStages | typeof dealListItems,
  where: SQL,
) {
  const [row] = await db
    .select({ max: sql<number | null>`max(${table.position})` })
    .from(table)
    .where(where);
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function insertPipeline(db: Db, row: typeof pipelines.$inferInsert) {
  const [created] = await db.insert(pipelines).values(row).returning();
  return created!;
}

/** Any change to a pipeline or its stages takes its version one up. */
export async function updatePipeline(db: Db, orgId: string, id: string, patch: PipelinePatch) {
  const [row] = await db
    .update(pipelines)
    .set({ ...patch, version: sql`${pipelines.version} + 1` })
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.id, id)))
    .returning();
  return row;
}

export async function deletePipeline(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(pipelines)
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.id, id)))
    .returning({ id: pipelines.id });
  return rows.length > 0;
}

export async function findStage(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(dealStages)
    .where(and(eq(dealStages.orgId, orgId), eq(dealStages.id, id)));
  return row;
}

export async function insertStages(db: Db, rows: (typeof dealStages.$inferInsert)[]) {
  return db.insert(dealStages).values(rows).returning();
}

export async function updateStage(db: Db, orgId: string, id: string, patch: StagePatch) {
  const [row] = await db
    .update(dealStages)
    .set(patch)
    .where(and(eq(dealStages.orgId, orgId), eq(dealStages.id, id)))
    .returning();
  return row;
}

export async function deleteStage(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(dealStages)
    .where(and(eq(dealStages.orgId, orgId), eq(dealStages.id, id)))
    .returning({ id: dealStages.id });
  return rows.length > 0;
}

/** Deals that follow the stage's probability take its new one. */
export async function followStageProbability(
  db: Db,
  orgId: string,
  stageId: string,
  probability: number,
) {
  await db
    .update(deals)
    .set({ probability })
    .where(
      and(eq(deals.orgId, orgId), eq(deals.stageId, stageId), isNull(deals.probabilityOverride)),
    );
}

/** Whether any deal refers to the row through `column`. */
export async function dealsUse(
  db: Db,
  orgId: string,
  column: 'pipelineId' | 'stageId' | 'typeId' | 'lostReasonId',
  id: string,
) {
  const rows = await db
    .select({ one: sql`1` })
    .from(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals[column], id)))
    .limit(1);
  return rows.length > 0;
}

export function listItems(db: Db, orgId: string, kind: DealListKind, includeArchived: boolean) {
  return db
    .select()
    .from(dealListItems)
    .where(
      and(
        eq(dealListItems.orgId, orgId),
        eq(dealListItems.kind, kind),
        includeArchived ? undefined : isNull(dealListItems.archivedAt),
      ),
    )
    .orderBy(
      asc(dealListItems.position),
      asc(sql`lower(${dealListItems.name})`),
      asc(dealListItems.id),
    )
    .limit(LIMIT);
}

export async function findItem(db: Db, orgId: string, kind: DealListKind, id: string) {
  const [row] = await db
    .select()
    .from(dealListItems)
    .where(
      and(eq(dealListItems.orgId, orgId), eq(dealListItems.kind, kind), eq(dealListItems.id, id)),
    );
  return row;
}

export async function insertItem(db: Db, row: typeof dealListItems.$inferInsert) {
  const [created] = await db.insert(dealListItems).values(row).returning();
  return created!;
}

export async function updateItem(db: Db, orgId: string, id: string, patch: ListItemPatch) {
  const [row] = await db
    .update(dealListItems)
    .set(patch)
    .where(and(eq(dealListItems.orgId, orgId), eq(dealListItems.id, id)))
    .returning();
  return row;
}

export async function deleteItem(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(dealListItems)
    .where(and(eq(dealListItems.orgId, orgId), eq(dealListItems.id, id)))
    .returning({ id: dealListItems.id });
  return rows.length > 0;
}
