import type { Deal, DealCard, StageState } from '@spotter/contracts';
import type { DealRow, DealView } from './deals.repo.ts';

export interface DealNames {
  state: StageState;
  personName: string | null;
  companyName: string | null;
  ownerName: string | null;
}

const ref = (id: string | null, name: string | null) =>
  id === null ? null : { id, name: name ?? '' };

export function toDealDto(row: DealRow, names: DealNames): Deal {
  return {
    id: row.id,
    title: row.title,
    personId: row.personId,
    companyId: row.companyId,
    amount: Number(row.amount),
    currency: row.currency,
    expectedCloseDate: row.expectedCloseDate,
    ownerId: row.ownerId,
    groupId: row.groupId,
    branchId: row.branchId,
    typeId: row.typeId,
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    state: names.state,
    probability: row.probability,
    probabilityOverride: row.probabilityOverride,
    sourceId: row.sourceId,
    productIds: row.productIds,
    lostReasonId: row.lostReasonId,
    lostComment: row.lostComment,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    person: ref(row.personId, names.personName),
    company: ref(row.companyId, names.companyName),
    owner: ref(row.ownerId, names.ownerName),
  };
}

export const viewToDto = (view: DealView): Deal => toDealDto(view.deal, view);

export function toCardDto(deal: Deal): DealCard {
  return {
    id: deal.id,
    title: deal.title,
    personId: deal.personId,
    companyId: deal.companyId,
    person: deal.person,
    company: deal.company,
    amount: deal.amount,
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate,
    ownerId: deal.ownerId,
    owner: deal.owner,
    groupId: deal.groupId,
    typeId: deal.typeId,
    stageId: deal.stageId,
    state: deal.state,
    probability: deal.probability,
    closedAt: deal.closedAt,
    version: deal.version,
    updatedAt: deal.updatedAt,
  };
}
