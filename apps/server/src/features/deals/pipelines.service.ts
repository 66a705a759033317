import type {
  Locale,
  Pipeline,
  pipelineCreateSchema,
  pipelineUpdateSchema,
  Stage,
  stageCreateSchema,
  StageState,
  stageOrderSchema,
  stageUpdateSchema,
} from '@spotter/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorCan, assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  conflict,
  fieldError,
  fieldInvalid,
  forbidden,
  notFound,
  renameFields,
  ruleBroken,
  versionConflict,
} from '../../lib/errors.ts';
import { assertContactRefs } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { dealStages, pipelines } from './deals.table.ts';
import { defaultStages } from './defaults.ts';
import * as repo from './pipelines.repo.ts';

type PipelineCreate = z.output<typeof pipelineCreateSchema>;
type PipelineUpdate = z.output<typeof pipelineUpdateSchema>;
type StageCreate = z.output<typeof stageCreateSchema>;
type StageUpdate = z.output<typeof stageUpdateSchema>;
type StageOrder = z.output<typeof stageOrderSchema>;

const NAME = 'A pipeline';

/** Settings are read by everyone who works deals, and by those who change them. */
export function assertCanRead(actor: Actor) {
  if (!actorCan(actor, 'deals.read') && !actorCan(actor, 'settings.manage')) throw forbidden();
}

export function toStageDto(row: repo.StageRow): Stage {
  return {
    id: row.id,
    pipelineId: row.pipelineId,
    name: row.name,
    probability: row.probability,
    state: row.state,
    color: row.color,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

function toPipelineDto(row: repo.PipelineRow, stages: repo.StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    archived: row.archivedAt !== null,
    wonStatusId: row.wonStatusId,
    stages: stages.filter((s) => s.pipelineId === row.id).map(toStageDto),
    version: row.version,
  };
}

export async function listPipelines(
  db: Db,
  actor: Actor,
  query: { includeArchived: boolean },
): Promise<{ items: Pipeline[] }> {
  assertCanRead(actor);
  const rows = await repo.listPipelines(db, actor.orgId, query.includeArchived);
  const stages = await repo.listStages(db, actor.orgId, {
    pipelineIds: rows.map((r) => r.id),
    includeArchived: query.includeArchived,
  });
  return { items: rows.map((row) => toPipelineDto(row, stages)) };
}

async function pipelineDto(db: Db, orgId: string, id: string) {
  const row = await repo.findPipeline(db, orgId, id);
  if (!row) throw notFound('Pipeline');
  const stages = await repo.listStages(db, orgId, { pipelineIds: [id], includeArchived: true });
  return toPipelineDto(row, stages);
}

async function checkWonStatus(db: Db, orgId: string, statusId: string | null | undefined) {
  if (!statusId) return;
  try {
    await assertContactRefs(db, orgId, 'person', { statusId });
  } catch (err) {
    throw renameFields(err, (key) => (key === 'statusId' ? 'wonStatusId' : key));
  }
}

const probabilityOf = (state: StageState, given: number | undefined) =>
  given ?? (state === 'won' ? 100 : state === 'lost' ? 0 : 50);

export async function createPipeline(db: Db, actor: Actor, input: PipelineCreate) {
  assertCan(actor, 'settings.manage');
  await checkWonStatus(db, actor.orgId, input.wonStatusId);
  let stages = input.stages?.map((s) => ({
    ...s,
    probability: probabilityOf(s.state, s.probability),
  }));
  if (!stages) {
    const org = await findOrganization(db, actor.orgId);
    stages = defaultStages((org?.locale ?? 'en') as Locale);
  }
  if (!stages.some((s) => s.state === 'open')) {
    throw fieldInvalid('stages', 'required', 'A pipeline needs at least one open stage');
  }
  return db.transaction(async (tx) => {
    const position =
      input.position ?? (await repo.nextPosition(tx, pipelines, eq(pipelines.orgId, actor.orgId)));
    const row = await catchNameTaken(NAME, () =>
      repo.insertPipeline(tx, {
        orgId: actor.orgId,
        name: input.name,
        wonStatusId: input.wonStatusId,
        position,
      }),
    );
    const created = await repo.insertStages(
      tx,
      stages.map((s, i) => ({
        orgId: actor.orgId,
        pipelineId: row.id,
        name: s.name,
        probability: s.probability,
        state: s.state,
        color: s.color,
        position: i,
      })),
    );
    return toPipelineDto(row, created);
  });
}

/** Locks the pipeline for a settings change and checks the caller's version, when given. */
async function lockPipeline(tx: Db, orgId: string, id: string, version?: number) {
  const row = await repo.findPipeline(tx, orgId, id, true);
  if (!row) throw notFound('Pipeline');
  if (version !== undefined && row.version !== version) {
    throw versionConflict(row.version, 'this pipeline');
  }
  return row;
}

async function refuseLastPipeline(tx: Db, orgId: string) {
  if ((await repo.countLivePipelines(tx, orgId)) <= 1) {
    throw ruleBroken('last_pipeline', 'Deals need a pipeline: this is the only one left');
  }
}

export async function updatePipeline(db: Db, actor: Actor, id: string, input: PipelineUpdate) {
  assertCan(actor, 'settings.manage');
  await checkWonStatus(db, actor.orgId, input.wonStatusId);
  return db.transaction(async (tx) => {
    const existing = await lockPipeline(tx, actor.orgId, id, input.version);
    const { archived, version: _version, ...rest } = input;
    const patch: repo.PipelinePatch = { ...rest };
    if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
      if (archived) await refuseLastPipeline(tx, actor.orgId);
      patch.archivedAt = archived ? new Date() : null;
    }
    await catchNameTaken(NAME, () => repo.updatePipeline(tx, actor.orgId, id, patch));
    return pipelineDto(tx, actor.orgId, id);
  });
}

/** A pipeline deals are in is archived (their history keeps it); an unused one is deleted. */
export async function deletePipeline(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    const existing = await lockPipeline(tx, actor.orgId, id);
    if (existing.archivedAt === null) await refuseLastPipeline(tx, actor.orgId);
    if (await repo.dealsUse(tx, actor.orgId, 'pipelineId', id)) {
      if (!existing.archivedAt) {
        await repo.updatePipeline(tx, actor.orgId, id, { archivedAt: new Date() });
      }
      return { archived: true };
    }
    await repo.deletePipeline(tx, actor.orgId, id);
    return { archived: false };
  });
}

async function stageOf(tx: Db, orgId: string, pipelineId: string, stageId: string) {
  const stage = await repo.findStage(tx, orgId, stageId);
  if (!stage || stage.pipelineId !== pipelineId) throw notFound('Stage');
  return stage;
}

/** Whether the pipeline keeps a live open stage other than `except`. */
async function hasOtherOpenStage(tx: Db, orgId: string, pipelineId: string, except: string) {
  const stages = await repo.listStages(tx, orgId, {
    pipelineIds: [pipelineId],
    includeArchived: false,
  });
  return stages.some((s) => s.id !== except && s.state === 'open');
}

const lastOpenStage = () =>
  ruleBroken('last_open_stage', 'A pipeline needs at least one open stage, where deals start');

export async function createStage(db: Db, actor: Actor, pipelineId: string, input: StageCreate) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    await lockPipeline(tx, actor.orgId, pipelineId);
    const position =
      input.position ??
      (await repo.nextPosition(
        tx,
        dealStages,
        and(eq(dealStages.orgId, actor.orgId), eq(dealStages.pipelineId, pipelineId))!,
      ));
    await repo.insertStages(tx, [
      {
        orgId: actor.orgId,
        pipelineId,
        name: input.name,
        probability: probabilityOf(input.state, input.probability),
        state: input.state,
        color: input.color,
        position,
      },
    ]);
    await repo.updatePipeline(tx, actor.orgId, pipelineId, {});
    return pipelineDto(tx, actor.orgId, pipelineId);
  });
}

/**
 * A stage's state cannot change under deals (an open deal would count as won without a close
 * date); its probability can, and the deals that follow it take the new one.
 */
export async function updateStage(
  db: Db,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  input: StageUpdate,
) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    await lockPipeline(tx, actor.orgId, pipelineId);
    const stage = await stageOf(tx, actor.orgId, pipelineId, stageId);
    const { archived, ...rest } = input;
    const patch: repo.StagePatch = { ...rest };
    const leavesOpen =
      stage.state === 'open' &&
      ((input.state !== undefined && input.state !== 'open') ||
        (archived === true && stage.archivedAt === null));
    if (leavesOpen && !(await hasOtherOpenStage(tx, actor.orgId, pipelineId, stageId))) {
      throw lastOpenStage();
    }
    if (input.state !== undefined && input.state !== stage.state) {
      if (await repo.dealsUse(tx, actor.orgId, 'stageId', stageId)) {
        const message = 'Deals are in this stage: move them before changing its state';
        throw conflict('in_use', message, { state: fieldError('in_use', message) });
      }
    }
    if (archived !== undefined && archived !== (stage.archivedAt !== null)) {
      patch.archivedAt = archived ? new Date() : null;
    }
    await repo.updateStage(tx, actor.orgId, stageId, patch);
    if (input.probability !== undefined && input.probability !== stage.probability) {
      await repo.followStageProbability(tx, actor.orgId, stageId, input.probability);
    }
    await repo.updatePipeline(tx, actor.orgId, pipelineId, {});
    return pipelineDto(tx, actor.orgId, pipelineId);
  });
}

export async function deleteStage(db: Db, actor: Actor, pipelineId: string, stageId: string) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    await lockPipeline(tx, actor.orgId, pipelineId);
    const stage = await stageOf(tx, actor.orgId, pipelineId, stageId);
    if (
      stage.state === 'open' &&
      stage.archivedAt === null &&
      !(await hasOtherOpenStage(tx, actor.orgId, pipelineId, stageId))
    ) {
      throw lastOpenStage();
    }
    let archived = true;
    if (await repo.dealsUse(tx, actor.orgId, 'stageId', stageId)) {
      if (!stage.archivedAt) {
        await repo.updateStage(tx, actor.orgId, stageId, { archivedAt: new Date() });
      }
    } else {
      await repo.deleteStage(tx, actor.orgId, stageId);
      archived = false;
    }
    await repo.updatePipeline(tx, actor.orgId, pipelineId, {});
    return { archived };
  });
}

/** The live stages in their new order; archived ones keep their places after them. */
export async function orderStages(db: Db, actor: Actor, pipelineId: string, input: StageOrder) {
  assertCan(actor, 'settings.manage');
  return db.transaction(async (tx) => {
    await lockPipeline(tx, actor.orgId, pipelineId, input.version);
    const live = await tx
      .select({ id: dealStages.id })
      .from(dealStages)
      .where(
        and(
          eq(dealStages.orgId, actor.orgId),
          eq(dealStages.pipelineId, pipelineId),
          isNull(dealStages.archivedAt),
        ),
      );
    const given = new Set(input.stageIds);
    if (given.size !== input.stageIds.length) {
      throw fieldInvalid('stageIds', 'duplicate', 'A stage is listed twice');
    }
    if (given.size !== live.length || live.some((s) => !given.has(s.id))) {
      throw fieldInvalid('stageIds', 'invalid', 'List every live stage of this pipeline, once');
    }
    for (const [position, id] of input.stageIds.entries()) {
      await repo.updateStage(tx, actor.orgId, id, { position });
    }
    await repo.updatePipeline(tx, actor.orgId, pipelineId, {});
    return pipelineDto(tx, actor.orgId, pipelineId);
  });
}
