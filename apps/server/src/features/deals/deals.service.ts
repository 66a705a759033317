import type {
  Deal,
  dealBulkSchema,
  dealCreateSchema,
  dealHistoryQuerySchema,
  DealHistoryEntry,
  dealUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  fieldInvalid,
  notFound,
  renameFields,
  ruleBroken,
  versionConflict,
} from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { findOrganization } from '../organizations/index.ts';
import { recordDealChange, recordDealDeleted } from './deal-events.ts';
import {
  assertDealRefs,
  findStageWithPipeline,
  firstOpenStage,
  type DealRefs,
  type StageWithPipeline,
} from './deal-refs.ts';
import { dealVisibility } from './deal-visibility.ts';
import { viewToDto } from './deals.dto.ts';
import * as repo from './deals.repo.ts';
import { findPipeline, firstPipeline } from './pipelines.repo.ts';

type DealCreate = z.output<typeof dealCreateSchema>;
type DealUpdate = z.output<typeof dealUpdateSchema>;
type DealBulk = z.output<typeof dealBulkSchema>;
type HistoryQuery = z.output<typeof dealHistoryQuerySchema>;

/** The deal as the API returns it, read in the same transaction that wrote it. */
async function dealDto(db: Db, orgId: string, id: string): Promise<Deal> {
  const view = await repo.findDealView(db, orgId, id);
  if (!view) throw notFound('Deal');
  return viewToDto(view);
}

export async function getDeal(db: Db, actor: Actor, id: string): Promise<Deal> {
  assertCan(actor, 'deals.read');
  const view = await repo.findDealView(db, actor.orgId, id, await dealVisibility(db, actor));
  if (!view) throw notFound('Deal');
  return viewToDto(view);
}

/** The stage a deal is saved into, checked: this organization's, live, of the right pipeline. */
async function targetStage(
  db: Db,
  orgId: string,
  want: { stageId?: string; pipelineId?: string },
  current?: repo.DealRow,
): Promise<StageWithPipeline> {
  if (want.stageId) {
    const stage = await findStageWithPipeline(db, orgId, want.stageId);
    if (!stage) throw fieldInvalid('stageId', 'unknown_reference', 'Unknown stage');
    const pipelineId = want.pipelineId ?? current?.pipelineId;
    if (pipelineId !== undefined && stage.pipelineId !== pipelineId) {
      throw fieldInvalid('stageId', 'not_allowed', 'This stage is not in the pipeline of the deal');
    }
    if (stage.archivedAt && stage.id !== current?.stageId) {
      throw fieldInvalid('stageId', 'archived', 'This stage is archived');
    }
    return stage;
  }
  const pipeline = want.pipelineId
    ? await findPipeline(db, orgId, want.pipelineId)
    : await firstPipeline(db, orgId);
  if (!pipeline) throw fieldInvalid('pipelineId', 'unknown_reference', 'Unknown pipeline');
  if (pipeline.archivedAt)
    throw fieldInvalid('pipelineId', 'archived', 'This pipeline is archived');
  const stage = await firstOpenStage(db, orgId, pipeline.id);
  if (!stage) throw ruleBroken('last_open_stage', 'This pipeline has no open stage to start in');
  return { ...stage, pipeline };
}

/**
 * What entering a stage does: won and lost set the close time (kept while the deal stays in
 * the stage), lost needs a reason, and an open stage clears the close time and the reason
 * (reopening).
 */
function stagePatch(
  existing: repo.DealRow | null,
  stage: StageWithPipeline,
  input: { lostReasonId?: string | null; lostComment?: string },
  now: Date,
): repo.DealPatch {
  const entering = !existing || existing.stageId !== stage.id;
  const closedAt = entering ? now : (existing.closedAt ?? now);
  if (stage.state === 'open') {
    return { closedAt: null, closeProbability: null, lostReasonId: null, lostComment: '' };
  }
  // What the deal was expected at while open: the forecast of its month counts it so (S-3).
  // A deal created closed: its stage's.
  const closeProbability = !existing
    ? stage.probability
    : existing.closedAt === null
      ? existing.probability
      : existing.closeProbability;
  if (stage.state === 'won') {
    return { closedAt, closeProbability, lostReasonId: null, lostComment: '' };
  }
  const lostReasonId =
    input.lostReasonId !== undefined ? input.lostReasonId : entering ? null : existing.lostReasonId;
  if (!lostReasonId) {
    throw fieldInvalid('lostReasonId', 'required', 'Say why the deal was lost');
  }
  const lostComment = input.lostComment ?? (entering ? '' : existing.lostComment);
  return { closedAt, closeProbability, lostReasonId, lostComment };
}

export async function createDeal(db: Db, actor: Actor, input: DealCreate, now: Date) {
  assertCan(actor, 'deals.write');
  const stage = await targetStage(db, actor.orgId, input);
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  const patch = stagePatch(null, stage, input, now);
  await assertDealRefs(db, actor.orgId, {
    personId: input.personId,
    companyId: input.companyId,
    // The creator owning what they create is no choice the CRM settings restrict.
    ownerId: input.ownerId,
    groupId: input.groupId,
    branchId: input.branchId,
    typeId: input.typeId,
    sourceId: input.sourceId,
    productIds: input.productIds,
    lostReasonId: patch.lostReasonId,
  });
  const org = await findOrganization(db, actor.orgId);
  if (!org) throw notFound('Organization');
  return db.transaction(async (tx) => {
    const row = await repo.insertDeal(tx, {
      orgId: actor.orgId,
      title: input.title,
      personId: input.personId,
      companyId: input.companyId,
      amount: input.amount,
      currency: org.currency,
      expectedCloseDate: input.expectedCloseDate,
      ownerId,
      groupId: input.groupId,
      branchId: input.branchId,
      typeId: input.typeId,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      probability: input.probabilityOverride ?? stage.probability,
      probabilityOverride: input.probabilityOverride,
      sourceId: input.sourceId,
      productIds: input.productIds,
      ...patch,
      createdById: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordDealChange(tx, actor, {
      before: null,
      after: row,
      stageBefore: null,
      stageAfter: stage,
      now,
    });
    return dealDto(tx, actor.orgId, row.id);
  });
}

/** The references a patch changes: only those are checked (a kept archived one stays). */
function changedRefs(
  existing: repo.DealRow,
  input: Omit<DealUpdate, 'version'>,
  lostReasonId: unknown,
): DealRefs {
  const refs: DealRefs = {};
  const keys = [
    'personId',
    'companyId',
    'ownerId',
    'groupId',
    'branchId',
    'typeId',
    'sourceId',
  ] as const;
  for (const key of keys) {
    if (input[key] !== undefined && input[key] !== existing[key]) refs[key] = input[key];
  }
  if (input.productIds !== undefined) refs.productIds = input.productIds;
  if (typeof lostReasonId === 'string' && lostReasonId !== existing.lostReasonId) {
    refs.lostReasonId = lostReasonId;
  }
  return refs;
}

/** One deal's change, on the locked row: the stage rules, the checks, the write and its record. */
async function applyUpdate(
  tx: Db,
  actor: Actor,
  existing: repo.DealRow,
  input: Omit<DealUpdate, 'version'>,
  now: Date,
): Promise<repo.DealRow> {
  const moving =
    (input.stageId !== undefined && input.stageId !== existing.stageId) ||
    (input.pipelineId !== undefined && input.pipelineId !== existing.pipelineId);
  const stageBefore = await findStageWithPipeline(tx, actor.orgId, existing.stageId);
  const stage = moving ? await targetStage(tx, actor.orgId, input, existing) : stageBefore!;
  const stageFields = stagePatch(existing, stage, input, now);
  const personId = input.personId !== undefined ? input.personId : existing.personId;
  const companyId = input.companyId !== undefined ? input.companyId : existing.companyId;
  if (personId === null && companyId === null) {
    throw fieldInvalid('personId', 'required', 'A deal needs a person or a company');
  }
  await assertDealRefs(
    tx,
    actor.orgId,
    changedRefs(existing, input, stageFields.lostReasonId),
    existing,
  );
  const override =
    input.probabilityOverride !== undefined
      ? input.probabilityOverride
      : existing.probabilityOverride;
  const after = await repo.updateDeal(tx, actor.orgId, existing.id, {
    ...input,
    ...stageFields,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    probability: override ?? stage.probability,
    updatedAt: now,
  });
  if (!after) throw notFound('Deal');
  await recordDealChange(tx, actor, {
    before: existing,
    after,
    stageBefore: stageBefore ?? null,
    stageAfter: stage,
    now,
  });
  return after;
}

/**
 * Saves a deal's changes, a move between stages included (POST /move is this with a stage, a
 * version and the lost reason). The version must be the stored one (409 otherwise).
 */
export async function updateDeal(
  db: Db,
  actor: Actor,
  id: string,
  input: DealUpdate,
  now: Date,
): Promise<Deal> {
  assertCan(actor, 'deals.write');
  const visibility = await dealVisibility(db, actor);
  return db.transaction(async (tx) => {
    const existing = await repo.findDeal(tx, actor.orgId, id, { forUpdate: true, visibility });
    if (!existing) throw notFound('Deal');
    if (existing.version !== input.version) throw versionConflict(existing.version, 'this deal');
    const { version: _version, ...fields } = input;
    await applyUpdate(tx, actor, existing, fields, now);
    return dealDto(tx, actor.orgId, id);
  });
}

/**
 * A new owner or stage for the selected deals the caller may see, in one transaction: each
 * follows the same rules as a single save (a lost stage needs the reason, another pipeline's
 * stage is refused) and is recorded as one.
 */
export async function bulkChangeDeals(db: Db, actor: Actor, input: DealBulk, now: Date) {
  assertCan(actor, 'deals.write');
  const visibility = await dealVisibility(db, actor);
  const change = input.change;
  const patch: Omit<DealUpdate, 'version'> =
    change.action === 'setOwner'
      ? { ownerId: change.ownerId }
      : {
          stageId: change.stageId,
          lostReasonId: change.lostReasonId,
          lostComment: change.lostComment,
        };
  return db.transaction(async (tx) => {
    const rows = await repo.lockDeals(tx, actor.orgId, [...new Set(input.ids)], visibility);
    for (const row of rows) {
      try {
        await applyUpdate(tx, actor, row, patch, now);
      } catch (err) {
        throw renameFields(err, (key) => `change.${key}`);
      }
    }
    return { affected: rows.length };
  });
}

export async function deleteDeal(db: Db, actor: Actor, id: string, now: Date) {
  assertCan(actor, 'deals.write');
  const visibility = await dealVisibility(db, actor);
  await db.transaction(async (tx) => {
    const existing = await repo.findDeal(tx, actor.orgId, id, { forUpdate: true, visibility });
    if (!existing) throw notFound('Deal');
    await repo.deleteDeal(tx, actor.orgId, id);
    await recordDealDeleted(tx, actor, existing, now);
  });
  return { ok: true as const };
}

export async function getDealHistory(
  db: Db,
  actor: Actor,
  id: string,
  query: HistoryQuery,
): Promise<{ items: DealHistoryEntry[]; nextCursor: string | null }> {
  assertCan(actor, 'deals.read');
  const deal = await repo.findDeal(db, actor.orgId, id, {
    visibility: await dealVisibility(db, actor),
  });
  if (!deal) throw notFound('Deal');
  const cursor = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await repo.listDealHistory(db, actor.orgId, id, query.limit + 1, cursor);
  const { page, nextCursor } = timeCursorPage(rows, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      event: r.event as DealHistoryEntry['event'],
      data: r.data,
      author: r.authorId ? { id: r.authorId, name: r.authorName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor,
  };
}

/** Another feature's rule moves a locked, open deal (a task result's outcome). */
export async function moveDealTo(
  tx: Db,
  actor: Actor,
  existing: repo.DealRow,
  stageId: string,
  now: Date,
): Promise<void> {
  await applyUpdate(tx, actor, existing, { stageId }, now);
}
