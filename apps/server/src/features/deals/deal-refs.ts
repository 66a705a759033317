import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, throwIfAny, type FieldErrors } from '../../lib/errors.ts';
import { findBranchIds } from '../branches/index.ts';
import { assertContactRefs, assertResponsibleRole } from '../contact-settings/index.ts';
import { findContact } from '../contacts/index.ts';
import { groupRefs } from '../groups/index.ts';
import { findUserById } from '../users/index.ts';
import { dealListItems, dealStages, pipelines } from './deals.table.ts';
import type { DealRow } from './deals.repo.ts';

/** The references a deal's save names; only those given (not undefined) are checked. */
export interface DealRefs {
  personId?: string | null;
  companyId?: string | null;
  ownerId?: string | null;
  groupId?: string | null;
  branchId?: string | null;
  typeId?: string | null;
  sourceId?: string | null;
  productIds?: string[];
  lostReasonId?: string | null;
}

/** A reference the deal already has may stay when its target was archived since. */
const kept = (existing: DealRow | undefined, key: keyof DealRefs, id: string) =>
  existing !== undefined && (existing as unknown as Record<string, unknown>)[key] === id;

async function listItemErrors(
  db: Db,
  orgId: string,
  refs: DealRefs,
  existing: DealRow | undefined,
  errors: FieldErrors,
) {
  const wanted = [
    ['typeId', 'types', refs.typeId, 'deal type'],
    ['lostReasonId', 'lost-reasons', refs.lostReasonId, 'lost reason'],
  ] as const;
  const ids = wanted.flatMap(([, , id]) => (id ? [id] : []));
  if (ids.length === 0) return;
  const rows = await db
    .select()
    .from(dealListItems)
    .where(and(eq(dealListItems.orgId, orgId), inArray(dealListItems.id, ids)));
  for (const [key, kind, id, word] of wanted) {
    if (!id) continue;
    const row = rows.find((r) => r.id === id && r.kind === kind);
    if (!row) errors[key] = fieldError('unknown_reference', `Unknown ${word}`);
    else if (row.archivedAt && !kept(existing, key, id)) {
      errors[key] = fieldError('archived', `This ${word} is archived`);
    }
  }
}

/**
 * Every id a deal's save names must be this organization's: a live person and company of the
 * right kind, an active staff member the CRM settings let own deals, a live group, branch, type, lost
 * reason, source and products. Throws a 400 naming each wrong field.
 */
export async function assertDealRefs(
  db: Db,
  orgId: string,
  refs: DealRefs,
  existing?: DealRow,
): Promise<void> {
  const errors: FieldErrors = {};
  if (refs.personId && !(await findContact(db, orgId, 'person', refs.personId))) {
    errors.personId = fieldError('unknown_reference', 'Unknown person');
  }
  if (refs.companyId && !(await findContact(db, orgId, 'company', refs.companyId))) {
    errors.companyId = fieldError('unknown_reference', 'Unknown company');
  }
  const owner = refs.ownerId ? await findUserById(db, orgId, refs.ownerId) : undefined;
  if (refs.ownerId) {
    const user = owner;
    if (!user) errors.ownerId = fieldError('unknown_reference', 'Unknown user');
    else if (!user.active && !kept(existing, 'ownerId', refs.ownerId)) {
      errors.ownerId = fieldError('deactivated', 'This user is no longer active');
    }
  }
  if (refs.groupId) {
    const group = (await groupRefs(db, orgId, [refs.groupId])).get(refs.groupId);
    if (!group) errors.groupId = fieldError('unknown_reference', 'Unknown group');
    else if (group.archived && !kept(existing, 'groupId', refs.groupId)) {
      errors.groupId = fieldError('archived', 'This group is archived');
    }
  }
  if (refs.branchId && !(await findBranchIds(db, orgId, [refs.branchId])).has(refs.branchId)) {
    errors.branchId = fieldError('unknown_reference', 'Unknown branch');
  }
  await listItemErrors(db, orgId, refs, existing, errors);
  if (refs.sourceId || refs.productIds?.length) {
    try {
      await assertContactRefs(db, orgId, 'person', {
        sourceId: refs.sourceId ?? null,
        productIds: refs.productIds ?? [],
      });
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      Object.assign(errors, err.fields);
    }
  }
  throwIfAny(errors);
  // Who may own deals is the CRM settings' choice (U-2): a 422 naming the field.
  if (refs.ownerId && owner) await assertResponsibleRole(db, orgId, owner, 'ownerId');
}

export type StageWithPipeline = typeof dealStages.$inferSelect & {
  pipeline: typeof pipelines.$inferSelect;
};

/** A stage and its pipeline, both of this organization. */
export async function findStageWithPipeline(
  db: Db,
  orgId: string,
  stageId: string,
): Promise<StageWithPipeline | undefined> {
  const [row] = await db
    .select({ stage: dealStages, pipeline: pipelines })
    .from(dealStages)
    .innerJoin(
      pipelines,
      and(eq(pipelines.orgId, dealStages.orgId), eq(pipelines.id, dealStages.pipelineId)),
    )
    .where(and(eq(dealStages.orgId, orgId), eq(dealStages.id, stageId)));
  return row && { ...row.stage, pipeline: row.pipeline };
}

/** The pipeline's first live open stage, where a new deal starts. */
export async function firstOpenStage(db: Db, orgId: string, pipelineId: string) {
  const rows = await db
    .select()
    .from(dealStages)
    .where(
      and(
        eq(dealStages.orgId, orgId),
        eq(dealStages.pipelineId, pipelineId),
        eq(dealStages.state, 'open'),
      ),
    )
    .orderBy(dealStages.position, dealStages.createdAt, dealStages.id);
  return rows.find((s) => s.archivedAt === null);
}
