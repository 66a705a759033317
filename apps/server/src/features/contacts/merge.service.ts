import type { Address, ContactKind, mergeBodySchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { prepareContactValues, type ContactInput } from './contact-values.ts';
import type { ContactRow } from './contacts.dto.ts';
import { contactsMerged } from './contacts.hooks.ts';
import * as repo from './contacts.repo.ts';
import { insertHistory, moveHistory } from './history.repo.ts';
import { companyDto, personDto } from './contacts.service.ts';
import { moveRelations } from './relations.links.repo.ts';

type MergeBody = z.output<typeof mergeBodySchema>;

const isBlankAddress = (a: Address | null) =>
  !a || Object.values(a).every((v) => typeof v !== 'string' || v.trim() === '');

/** The target's value when it has one, else the source's. */
function pick<T>(target: T, source: T, empty: (v: T) => boolean): T {
  return empty(target) ? source : target;
}
const blankText = (v: string) => v.trim() === '';
const blankRef = (v: string | null) => v === null;

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/**
 * C-13: phones, emails, tags, categories and products are joined; every other field keeps the
 * target's value and is filled from the source where the target has none; custom values too.
 */
export function mergedInput(target: ContactRow, source: ContactRow): ContactInput {
  const input: ContactInput = {
    phones: [...target.phones, ...source.phones],
    emails: [...target.emails, ...source.emails],
    tagIds: union(target.tagIds, source.tagIds),
    categoryIds: union(target.categoryIds, source.categoryIds),
    productIds: union(target.productIds, source.productIds),
    branchId: pick(target.branchId, source.branchId, blankRef),
    statusId: pick(target.statusId, source.statusId, blankRef),
    responsibleId: pick(target.responsibleId, source.responsibleId, blankRef),
    sourceId: pick(target.sourceId, source.sourceId, blankRef),
    note: pick(target.note, source.note, blankText),
    custom: { ...source.custom, ...target.custom },
  };
  if (target.kind === 'person') {
    // Names go together: "Anna" + "Svensson" from two records would make someone new.
    const targetNamed = !blankText(target.firstName) || !blankText(target.lastName);
    input.firstName = targetNamed ? target.firstName : source.firstName;
    input.lastName = targetNamed ? target.lastName : source.lastName;
    input.birthDate = pick(target.birthDate, source.birthDate, blankRef);
    input.address = pick(target.address, source.address, isBlankAddress) ?? undefined;
    input.companyId = pick(target.companyId, source.companyId, blankRef);
  } else {
    input.orgNumber = pick(target.orgNumber, source.orgNumber, blankText);
    input.billingAddress = pick(target.address, source.address, isBlankAddress) ?? undefined;
    input.visitingAddress =
      pick(target.visitingAddress, source.visitingAddress, isBlankAddress) ?? undefined;
    input.industryId = pick(target.industryId, source.industryId, blankRef);
  }
  return input;
}

/** A consent the target never recorded is taken from the source, date and all. */
function mergedConsent(target: ContactRow, source: ContactRow) {
  const out: Partial<ContactRow> = {};
  if (target.consentEmailAt === null && source.consentEmailAt !== null) {
    out.consentEmail = source.consentEmail;
    out.consentEmailAt = source.consentEmailAt;
    out.consentEmailSource = source.consentEmailSource;
    out.consentEmailBy = source.consentEmailBy;
  }
  if (target.consentSmsAt === null && source.consentSmsAt !== null) {
    out.consentSms = source.consentSms;
    out.consentSmsAt = source.consentSmsAt;
    out.consentSmsSource = source.consentSmsSource;
    out.consentSmsBy = source.consentSmsBy;
  }
  return out;
}

/**
 * Merges `sourceId` into `targetId` (same kind, both live, this org): the target keeps both
 * timelines and the source's links, then the source is deleted for good (not to the trash).
 */
export async function mergeContacts(db: Db, actor: Actor, kind: ContactKind, body: MergeBody) {
  assertCan(actor, 'contacts.admin');
  if (body.targetId === body.sourceId) {
    throw fieldInvalid('sourceId', 'same_record', 'Choose two different records to merge');
  }
  const row = await db.transaction(async (tx) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const [first, second] = [body.targetId, body.sourceId].sort();
    const a = await repo.findContact(tx, actor.orgId, kind, first!, { forUpdate: true });
    const b = await repo.findContact(tx, actor.orgId, kind, second!, { forUpdate: true });
    const target = a?.id === body.targetId ? a : b;
    const source = a?.id === body.sourceId ? a : b;
    if (!a || !b || !target || !source) throw notFound(kind === 'person' ? 'Person' : 'Company');

    const { phoneRegion } = await getCrmSettings(tx, actor.orgId);
    const values = prepareContactValues(kind, mergedInput(target, source), {
      region: phoneRegion,
      existing: target,
    });
    await moveHistory(tx, actor.orgId, source.id, target.id);
    await contactsMerged.run(tx, { orgId: actor.orgId, sourceId: source.id, targetId: target.id });
    if (kind === 'company') await repo.relinkCompanyPersons(tx, actor.orgId, source.id, target.id);
    else await moveRelations(tx, actor.orgId, source.id, target.id);
    await repo.hardDeleteContact(tx, actor.orgId, source.id);
    const merged = await repo.updateContactRow(tx, actor.orgId, target.id, {
      ...values,
      ...mergedConsent(target, source),
    });
    await insertHistory(tx, actor.orgId, target.id, {
      event: 'merged',
      authorId: actor.userId,
      text: source.displayName,
      data: { mergedId: source.id, mergedName: source.displayName },
    });
    return merged!;
  });
  return kind === 'person' ? personDto(db, actor.orgId, row) : companyDto(db, actor.orgId, row);
}
