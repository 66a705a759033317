import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { contacts } from '../contacts/index.ts';
import { users } from '../users/index.ts';
import { dealHistory, dealStages, deals } from './deals.table.ts';

export type DealRow = typeof deals.$inferSelect;
export type DealInsert = typeof deals.$inferInsert;
export type DealPatch = Partial<Omit<DealInsert, 'id' | 'orgId' | 'version' | 'createdAt'>>;

export const person = alias(contacts, 'person');
export const company = alias(contacts, 'company');
export const owner = alias(users, 'owner');

/** A deal with what its cards and pages show beside it: names and its stage's state. */
export const dealViewColumns = {
  deal: deals,
  state: dealStages.state,
  personName: person.displayName,
  companyName: company.displayName,
  ownerName: owner.name,
};

/** The deals `where` picks, each with its names, in `order`. */
export function selectDealViews(
  db: Db,
  orgId: string,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
) {
  return db
    .select(dealViewColumns)
    .from(deals)
    .innerJoin(dealStages, and(eq(dealStages.orgId, deals.orgId), eq(dealStages.id, deals.stageId)))
    .leftJoin(person, and(eq(person.orgId, deals.orgId), eq(person.id, deals.personId)))
    .leftJoin(company, and(eq(company.orgId, deals.orgId), eq(company.id, deals.companyId)))
    .leftJoin(owner, and(eq(owner.orgId, deals.orgId), eq(owner.id, deals.ownerId)))
    .where(and(eq(deals.orgId, orgId), where))
    .orderBy(...order)
    .limit(limit);
}

export type DealView = Awaited<ReturnType<typeof selectDealViews>>[number];

export async function findDealView(db: Db, orgId: string, id: string, visibility?: SQL) {
  const [row] = await selectDealViews(db, orgId, and(eq(deals.id, id), visibility), [], 1);
  return row;
}

export async function findDeal(
  db: Db,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean; visibility?: SQL } = {},
) {
  const query = db
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals.id, id), opts.visibility));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertDeal(db: Db, row: DealInsert) {
  const [created] = await db.insert(deals).values(row).returning();
  return created!;
}

/** Applies the patch and takes the version one up; undefined when the row is gone. */
export async function updateDeal(db: Db, orgId: string, id: string, patch: DealPatch) {
  const [row] = await db
    .update(deals)
    .set({ ...patch, version: sql`${deals.version} + 1` })
    .where(and(eq(deals.orgId, orgId), eq(deals.id, id)))
    .returning();
  return row;
}

export async function deleteDeal(db: Db, orgId: string, id: string) {
  const rows = await db
    .delete(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals.id, id)))
    .returning({ id: deals.id });
  return rows.length > 0;
}

/** Of these ids, the deals of the organization the caller may see, locked for a bulk change. */
export function lockDeals(db: Db, orgId: string, ids: string[], visibility?: SQL) {
  return db
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, orgId), inArray(deals.id, ids), visibility))
    .orderBy(deals.id)
    .for('update');
}

export interface DealHistoryInput {
  dealId: string;
  event: string;
  data?: Record<string, unknown>;
  authorId: string | null;
  createdAt?: Date;
}

export async function insertDealHistory(
  db: Db,
  orgId: string,
  entries: readonly DealHistoryInput[],
) {
  if (entries.length === 0) return;
  await db.insert(dealHistory).values(
    entries.map((e) => ({
      orgId,
      dealId: e.dealId,
      event: e.event,
      data: e.data ?? {},
      authorId: e.authorId,
      ...(e.createdAt && { createdAt: e.createdAt }),
    })),
  );
}

/** A deal's history, newest first, keyset-paged. */
export function listDealHistory(
  db: Db,
  orgId: string,
  dealId: string,
  limit: number,
  cursor?: TimeCursor,
) {
  return db
    .select({
      id: dealHistory.id,
      event: dealHistory.event,
      data: dealHistory.data,
      authorId: dealHistory.authorId,
      authorName: users.name,
      createdAt: dealHistory.createdAt,
      cursorAt: cursorAtOf(dealHistory.createdAt),
    })
    .from(dealHistory)
    .leftJoin(users, and(eq(users.orgId, dealHistory.orgId), eq(users.id, dealHistory.authorId)))
    .where(
      and(
        eq(dealHistory.orgId, orgId),
        eq(dealHistory.dealId, dealId),
        cursor ? olderThan(dealHistory.createdAt, dealHistory.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(dealHistory.createdAt), desc(dealHistory.id))
    .limit(limit);
}

/** A merge of two persons or companies: the source's deals now belong to the target. */
export async function moveDealsOfContact(db: Db, orgId: string, fromId: string, toId: string) {
  await db
    .update(deals)
    .set({ personId: toId })
    .where(and(eq(deals.orgId, orgId), eq(deals.personId, fromId)));
  await db
    .update(deals)
    .set({ companyId: toId })
    .where(and(eq(deals.orgId, orgId), eq(deals.companyId, fromId)));
}

/** Whether any deal belongs to the group. */
export async function dealsInGroup(db: Db, orgId: string, groupId: string) {
  const rows = await db
    .select({ one: sql`1` })
    .from(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals.groupId, groupId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Closed deals from before `close_probability` was kept get it from their history: the
 * probability of the stage their last won or lost entry left, else their own. Run at start-up;
 * once done it finds nothing.
 */
export async function backfillCloseProbability(db: Db): Promise<void> {
  await db.execute(sql`
    update ${deals} d set close_probability = coalesce((
      select fs.probability from ${dealHistory} h
      join ${dealStages} fs on fs.org_id = h.org_id and fs.id = (h.data->>'fromStageId')::uuid
      where h.org_id = d.org_id and h.deal_id = d.id and h.event in ('won', 'lost')
      order by h.created_at desc, h.id desc limit 1
    ), d.probability)
    where d.closed_at is not null and d.close_probability is null`);
}
