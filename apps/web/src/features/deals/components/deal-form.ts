import type { Deal, DealCreate, DealUpdate } from '@spotter/contracts';
import { toMajor, toMinor } from '../money.ts';

/** The person or company a deal is with, as the contact picker gives it. */
export interface DealContact {
  id: string;
  kind: 'person' | 'company';
  name: string;
}

/** What the deal dialog edits: amounts in major units, numbers empty while not typed. */
export interface DealFormValues {
  title: string;
  contact: DealContact | null;
  amount: number | '';
  expectedCloseDate: string | null;
  ownerId: string | null;
  groupId: string | null;
  branchId: string | null;
  typeId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  probabilityOverride: number | '';
  sourceId: string | null;
  productIds: string[];
  lostReasonId: string | null;
  lostComment: string;
}

/** How a new deal starts: with the person it is for, in the pipeline shown, owned by me. */
export function newDealValues(preset: {
  contact?: DealContact | null;
  pipelineId?: string | null;
  stageId?: string | null;
  ownerId?: string | null;
}): DealFormValues {
  return {
    title: '',
    contact: preset.contact ?? null,
    amount: '',
    expectedCloseDate: null,
    ownerId: preset.ownerId ?? null,
    groupId: null,
    branchId: null,
    typeId: null,
    pipelineId: preset.pipelineId ?? null,
    stageId: preset.stageId ?? null,
    probabilityOverride: '',
    sourceId: null,
    productIds: [],
    lostReasonId: null,
    lostComment: '',
  };
}

export function dealValues(deal: Deal): DealFormValues {
  const contact: DealContact | null = deal.person
    ? { id: deal.person.id, kind: 'person', name: deal.person.name }
    : deal.company
      ? { id: deal.company.id, kind: 'company', name: deal.company.name }
      : null;
  return {
    title: deal.title,
    contact,
    amount: toMajor(deal.amount, deal.currency),
    expectedCloseDate: deal.expectedCloseDate,
    ownerId: deal.ownerId,
    groupId: deal.groupId,
    branchId: deal.branchId,
    typeId: deal.typeId,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    probabilityOverride: deal.probabilityOverride ?? '',
    sourceId: deal.sourceId,
    productIds: deal.productIds,
    lostReasonId: deal.lostReasonId,
    lostComment: deal.lostComment,
  };
}

const orNull = (v: number | '') => (v === '' ? null : v);

/**
 * The body of a create. The picked contact is the deal's person or its company; a person's
 * deal keeps the company it had (`keepCompanyId`, when editing).
 */
export function createBody(v: DealFormValues, currency: string, lost: boolean): DealCreate {
  return {
    title: v.title.trim(),
    personId: v.contact?.kind === 'person' ? v.contact.id : null,
    companyId: v.contact?.kind === 'company' ? v.contact.id : null,
    amount: v.amount === '' ? 0 : toMinor(v.amount, currency),
    expectedCloseDate: v.expectedCloseDate,
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    groupId: v.groupId,
    branchId: v.branchId,
    typeId: v.typeId,
    ...(v.pipelineId ? { pipelineId: v.pipelineId } : {}),
    ...(v.stageId ? { stageId: v.stageId } : {}),
    probabilityOverride: orNull(v.probabilityOverride),
    sourceId: v.sourceId,
    productIds: v.productIds,
    lostReasonId: lost ? v.lostReasonId : null,
    lostComment: lost ? v.lostComment.trim() : '',
  };
}

/** The body of an update of `deal`: every field the dialog shows, on top of `version`. */
export function updateBody(
  v: DealFormValues,
  deal: Deal,
  version: number,
  lost: boolean,
): DealUpdate {
  const person = v.contact?.kind === 'person' ? v.contact.id : null;
  const company = v.contact?.kind === 'company' ? v.contact.id : null;
  return {
    title: v.title.trim(),
    personId: person,
    // A person's deal keeps the company it was also linked to.
    companyId: company ?? (person ? deal.companyId : null),
    amount: v.amount === '' ? 0 : toMinor(v.amount, deal.currency),
    expectedCloseDate: v.expectedCloseDate,
    ownerId: v.ownerId,
    groupId: v.groupId,
    branchId: v.branchId,
    typeId: v.typeId,
    ...(v.pipelineId && v.pipelineId !== deal.pipelineId ? { pipelineId: v.pipelineId } : {}),
    ...(v.stageId && v.stageId !== deal.stageId ? { stageId: v.stageId } : {}),
    probabilityOverride: orNull(v.probabilityOverride),
    sourceId: v.sourceId,
    productIds: v.productIds,
    ...(lost ? { lostReasonId: v.lostReasonId, lostComment: v.lostComment.trim() } : {}),
    version,
  };
}

/** The server's field paths as the dialog's: the person or company is one picker. */
export function formErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field === 'personId' || field === 'companyId' ? 'contact' : field;
    out[key] ??= message;
  }
  return out;
}
