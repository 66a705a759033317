import type { HistoryEntry } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { insertHistoryMany, updateContactFields } from '../contacts/index.ts';
import { publishEvent } from '../live/index.ts';
import { emitWebhookEvent } from '../webhooks/index.ts';
import { viewToDto } from './deals.dto.ts';
import {
  findDealView,
  insertDealHistory,
  type DealHistoryInput,
  type DealRow,
} from './deals.repo.ts';
import { dealListItems, type dealStages } from './deals.table.ts';
import { findPipeline } from './pipelines.repo.ts';

type StageRow = typeof dealStages.$inferSelect;

/** What one write did to a deal: the rows before and after, and the stages they are in. */
export interface DealChange {
  before: DealRow | null;
  after: DealRow;
  stageBefore: StageRow | null;
  stageAfter: StageRow;
  now: Date;
}

/** Fields a deal's history names when they change ("updated"); the stage and owner have their own. */
const TRACKED = [
  'title',
  'personId',
  'companyId',
  'amount',
  'expectedCloseDate',
  'groupId',
  'branchId',
  'typeId',
  'probabilityOverride',
  'sourceId',
  'productIds',
  'lostComment',
] as const;

function stageEvent(change: DealChange): 'won' | 'lost' | 'reopened' | 'stage_changed' | null {
  const { before, after, stageBefore, stageAfter } = change;
  if (!before || before.stageId === after.stageId) return null;
  if (stageAfter.state === 'won') return 'won';
  if (stageAfter.state === 'lost') return 'lost';
  return stageBefore && stageBefore.state !== 'open' ? 'reopened' : 'stage_changed';
}

const CONTACT_EVENT: Record<
  'created' | NonNullable<ReturnType<typeof stageEvent>>,
  HistoryEntry['event']
> = {
  created: 'deal_created',
  won: 'deal_won',
  lost: 'deal_lost',
  reopened: 'deal_stage_changed',
  stage_changed: 'deal_stage_changed',
};

async function lostReasonName(db: Db, orgId: string, id: string | null) {
  if (!id) return null;
  const [row] = await db
    .select({ name: dealListItems.name })
    .from(dealListItems)
    .where(and(eq(dealListItems.orgId, orgId), eq(dealListItems.id, id)));
  return row?.name ?? null;
}

/**
 * Writes what a deal's change means, in the transaction that made it: the deal's own history,
 * entries on its person's and company's timelines (created, moved, won, lost), the person's
 * status when a won pipeline gives one, the live event for colleagues' boards and the
 * outbound webhooks.
 */
export async function recordDealChange(tx: Db, actor: Actor, change: DealChange): Promise<void> {
  const { before, after, stageBefore, stageAfter, now } = change;
  const author = actor.userId;
  const entries: DealHistoryInput[] = [];
  const moved = stageEvent(change);
  const reason =
    moved === 'lost' ? await lostReasonName(tx, actor.orgId, after.lostReasonId) : null;
  const stageData = {
    fromStageId: stageBefore?.id ?? null,
    fromStageName: stageBefore?.name ?? null,
    toStageId: stageAfter.id,
    toStageName: stageAfter.name,
    ...(moved === 'lost' && {
      lostReasonId: after.lostReasonId,
      lostReasonName: reason,
      lostComment: after.lostComment,
    }),
  };
  if (!before) {
    entries.push({ dealId: after.id, event: 'created', authorId: author, data: stageData });
  } else {
    if (moved) entries.push({ dealId: after.id, event: moved, authorId: author, data: stageData });
    if (before.ownerId !== after.ownerId) {
      entries.push({
        dealId: after.id,
        event: 'owner_changed',
        authorId: author,
        data: { from: before.ownerId, to: after.ownerId },
      });
    }
    const fields = TRACKED.filter(
      (k) =>
        JSON.stringify(before[k]) !== JSON.stringify(after[k]) && !(moved && k === 'lostComment'),
    );
    if (fields.length > 0) {
      entries.push({ dealId: after.id, event: 'updated', authorId: author, data: { fields } });
    }
  }
  await insertDealHistory(tx, actor.orgId, entries);

  const contactEvent = !before ? CONTACT_EVENT.created : moved ? CONTACT_EVENT[moved] : null;
  if (contactEvent) {
    const data = {
      dealId: after.id,
      title: after.title,
      stageId: stageAfter.id,
      stageName: stageAfter.name,
      ...(before && {
        fromStageId: stageBefore?.id ?? null,
        fromStageName: stageBefore?.name ?? null,
      }),
      ...(moved === 'lost' && { lostReasonName: reason, lostComment: after.lostComment }),
    };
    const contactIds = [after.personId, after.companyId].filter((id): id is string => id !== null);
    await insertHistoryMany(
      tx,
      actor.orgId,
      contactIds.map((contactId) => ({ contactId, event: contactEvent, authorId: author, data })),
    );
  }
  if (moved === 'won') await giveWonStatus(tx, actor, after);

  await publishEvent(tx, actor.orgId, {
    type: before ? 'deal.updated' : 'deal.created',
    dealId: after.id,
    pipelineId: after.pipelineId,
  });
  const dto = async () => {
    const view = await findDealView(tx, actor.orgId, after.id);
    return view ? viewToDto(view) : null;
  };
  await emitWebhookEvent(tx, {
    orgId: actor.orgId,
    type: before ? 'deal.updated' : 'deal.created',
    data: dto,
    now,
  });
  if (moved)
    await emitWebhookEvent(tx, { orgId: actor.orgId, type: 'deal.stage_changed', data: dto, now });
}

/**
 * "A won membership deal makes the person a Customer": the pipeline's won status, set as the
 * contacts feature sets any status (with its history entry). The pipeline's setting, made by an
 * admin, is what allows it: the deal's writer needs no right to edit persons for it.
 */
async function giveWonStatus(tx: Db, actor: Actor, deal: DealRow) {
  if (!deal.personId) return;
  const pipeline = await findPipeline(tx, actor.orgId, deal.pipelineId);
  if (!pipeline?.wonStatusId) return;
  const writer: Actor = { ...actor, via: 'token', permissions: ['contacts.write'] };
  try {
    await updateContactFields(tx, writer, 'person', deal.personId, {
      statusId: pipeline.wonStatusId,
    });
  } catch (err) {
    // A person in the trash keeps their status; the deal is won all the same.
    if (err instanceof AppError && err.status === 404) return;
    throw err;
  }
}

/** A deleted deal: gone from colleagues' boards, and from the webhooks' subscribers. */
export async function recordDealDeleted(tx: Db, actor: Actor, deal: DealRow, now: Date) {
  await publishEvent(tx, actor.orgId, {
    type: 'deal.deleted',
    dealId: deal.id,
    pipelineId: deal.pipelineId,
  });
  await emitWebhookEvent(tx, {
    orgId: actor.orgId,
    type: 'deal.deleted',
    data: { id: deal.id, pipelineId: deal.pipelineId },
    now,
  });
}
