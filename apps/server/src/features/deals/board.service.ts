import type { DealBoard, DealBoardQuery, DealCard } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { loadDealBoard, type CardRow, type PageAfter } from './board.repo.ts';
import { currentMonth, monthOf, resolveFilter } from './deal-filters.ts';
import { findPipeline, firstPipeline, listStages } from './pipelines.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A column's keyset cursor: the last card's sort time (to the microsecond) and id; base64url. */
export const encodeBoardCursor = (last: PageAfter) =>
  Buffer.from(`${last.key}|${last.id}`, 'utf8').toString('base64url');

export function decodeBoardCursor(cursor: string): PageAfter | null {
  const [key = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !UUID.test(id) || !KEY.test(key) || Number.isNaN(Date.parse(key))) {
    return null;
  }
  return { key, id };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function toCard(row: CardRow, state: DealCard['state']): DealCard {
  return {
    id: row.id,
    title: row.title,
    personId: row.personId,
    companyId: row.companyId,
    person: row.personId ? { id: row.personId, name: row.personName ?? '' } : null,
    company: row.companyId ? { id: row.companyId, name: row.companyName ?? '' } : null,
    amount: row.amount,
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate,
    ownerId: row.ownerId,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    groupId: row.groupId,
    typeId: row.typeId,
    stageId: row.stageId,
    state,
    probability: row.probability,
    closedAt: row.closedAt,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/**
 * S-4: the pipeline board. Every live stage is a column (an archived one while deals are in
 * it), with the count, sum and weighted sum of ALL the deals of the column that match the
 * filters, and its first page of cards; `stageId` + `cursor` read one column's next page.
 */
export async function getDealBoard(
  db: Db,
  actor: Actor,
  query: DealBoardQuery,
  now: Date,
  known?: { timezone: string; currency: string },
): Promise<DealBoard> {
  assertCan(actor, 'deals.read');
  if (query.cursor !== undefined && query.stageId === undefined) {
    throw fieldInvalid('cursor', 'required', 'A cursor belongs to a column: give `stageId` too');
  }
  const after = query.cursor !== undefined ? decodeBoardCursor(query.cursor) : undefined;
  if (after === null) {
    throw fieldInvalid('cursor', 'invalid', 'This cursor is not valid; load the board again');
  }
  const org = known ?? (await findOrganization(db, actor.orgId));
  if (!org) throw notFound('Organization');
  const pipeline = query.pipelineId
    ? await findPipeline(db, actor.orgId, query.pipelineId)
    : await firstPipeline(db, actor.orgId);
  if (!pipeline) throw notFound('Pipeline');
  const stages = await listStages(db, actor.orgId, {
    pipelineIds: [pipeline.id],
    includeArchived: true,
  });
  if (query.stageId !== undefined && !stages.some((s) => s.id === query.stageId)) {
    throw fieldInvalid('stageId', 'unknown_reference', 'This stage is not in the pipeline');
  }
  const { filter } = await resolveFilter(
    db,
    actor,
    { ...query, stageId: undefined, pipelineId: pipeline.id },
    { timezone: org.timezone },
  );
  const month = monthOf(query.closeMonth ?? currentMonth(now, org.timezone), org.timezone);
  const { sums, cards } = await loadDealBoard(db, filter, stages, month, {
    limit: query.limit + 1,
    after: after ?? undefined,
    columnsOnly: query.stageId ? [query.stageId] : undefined,
  });
  const shownStages = stages.filter(
    (s) =>
      (query.stageId === undefined || s.id === query.stageId) &&
      (s.archivedAt === null || (sums.get(s.id)?.count ?? 0) > 0),
  );
  return {
    pipelineId: pipeline.id,
    currency: org.currency,
    columns: shownStages.map((stage) => {
      const mine = cards
        .filter((c) => c.stageId === stage.id)
        .sort((a, b) => compare(b.key, a.key) || compare(b.id, a.id));
      const shown = mine.slice(0, query.limit);
      const last = shown.at(-1);
      const s = sums.get(stage.id) ?? { count: 0, sum: 0, weightedSum: 0 };
      return {
        stageId: stage.id,
        state: stage.state,
        count: s.count,
        sum: s.sum,
        weightedSum: s.weightedSum,
        cards: shown.map((c) => toCard(c, stage.state)),
        nextCursor: mine.length > query.limit && last ? encodeBoardCursor(last) : null,
      };
    }),
  };
}
