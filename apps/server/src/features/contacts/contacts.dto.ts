import type { Address, Company, Consent, Person } from '@spotter/contracts';
import type { contacts } from './contacts.table.ts';

export type ContactRow = typeof contacts.$inferSelect;
/** What a DTO is made from: a row without the columns only search and duplicate checks read. */
export type DtoSource = Omit<ContactRow, 'searchText' | 'phoneKeys' | 'emailKeys'>;

export interface ContactPersonRef {
  id: string;
  displayName: string;
  phone: string | null;
}

/**
 * What a DTO shows beyond its own row, loaded once for a whole page (contacts.repo
 * `loadDtoRefs`): staff names, the names of linked companies, each company's contact persons.
 */
export interface DtoRefs {
  userNames: ReadonlyMap<string, string>;
  companyNames: ReadonlyMap<string, string>;
  contactPersons: ReadonlyMap<string, ContactPersonRef[]>;
}

export const emptyAddress = (): Address => ({ street: '', postalCode: '', city: '', country: '' });

const noRefs: DtoRefs = {
  userNames: new Map(),
  companyNames: new Map(),
  contactPersons: new Map(),
};

function consent(granted: boolean, at: Date | null, source: string | null): Consent {
  return { granted, at: at?.toISOString() ?? null, source };
}

function common(row: DtoSource, refs: DtoRefs) {
  return {
    id: row.id,
    displayName: row.displayName,
    phones: row.phones,
    emails: row.emails,
    branchId: row.branchId,
    statusId: row.statusId,
    responsibleId: row.responsibleId,
    note: row.note,
    tagIds: row.tagIds,
    categoryIds: row.categoryIds,
    sourceId: row.sourceId,
    productIds: row.productIds,
    custom: row.custom,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy
      ? { id: row.createdBy, name: refs.userNames.get(row.createdBy) ?? '' }
      : null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
  };
}

export function toPersonDto(row: DtoSource, refs: DtoRefs = noRefs): Person {
  const companyName = row.companyId ? refs.companyNames.get(row.companyId) : undefined;
  return {
    ...common(row, refs),
    kind: 'person',
    firstName: row.firstName,
    lastName: row.lastName,
    birthDate: row.birthDate,
    address: row.address ?? emptyAddress(),
    companyId: row.companyId,
    company:
      row.companyId && companyName !== undefined ? { id: row.companyId, name: companyName } : null,
    consentEmail: consent(row.consentEmail, row.consentEmailAt, row.consentEmailSource),
    consentSms: consent(row.consentSms, row.consentSmsAt, row.consentSmsSource),
  };
}

/** A company's billing address lives in the shared `address` column. */
export function toCompanyDto(row: DtoSource, refs: DtoRefs = noRefs): Company {
  return {
    ...common(row, refs),
    kind: 'company',
    name: row.name,
    orgNumber: row.orgNumber,
    billingAddress: row.address ?? emptyAddress(),
    visitingAddress: row.visitingAddress ?? emptyAddress(),
    industryId: row.industryId,
    contactPersons: refs.contactPersons.get(row.id) ?? [],
  };
}

export function toContactDto(row: DtoSource, refs: DtoRefs = noRefs): Person | Company {
  return row.kind === 'person' ? toPersonDto(row, refs) : toCompanyDto(row, refs);
}
