import type { EMAIL_LABELS, PHONE_LABELS } from '@spotter/contracts';
import {
  companyCreateSchema,
  personCreateSchema,
  type Address,
  type Company,
  type CompanyCreate,
  type CustomField,
  type CustomValues,
  type Person,
  type PersonCreate,
} from '@spotter/contracts';
import type { z } from 'zod';
import { issueText } from '../../../lib/validation.ts';
import { formatPhone } from '../../../lib/phone.ts';

export type PhoneLabel = (typeof PHONE_LABELS)[number];
export type EmailLabel = (typeof EMAIL_LABELS)[number];
export interface PhoneRow {
  number: string;
  label: PhoneLabel;
}
export interface EmailRow {
  email: string;
  label: EmailLabel;
}
/** Form values keep what was typed: numbers in custom fields may be '' while being edited. */
export type CustomFormValues = Record<string, string | number | null>;

/** The fields persons and companies share. */
export interface CommonValues {
  phones: PhoneRow[];
  emails: EmailRow[];
  branchId: string | null;
  statusId: string | null;
  responsibleId: string | null;
  sourceId: string | null;
  note: string;
  tagIds: string[];
  categoryIds: string[];
  productIds: string[];
  custom: CustomFormValues;
}

export interface ConsentValues {
  granted: boolean;
  source: string;
  /** A minor's consent: the guardian who gave it; null when the person gave it themselves. */
  byId: string | null;
}

export interface PersonValues extends CommonValues {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  address: Address;
  companyId: string | null;
  consentEmail: ConsentValues;
  consentSms: ConsentValues;
}

export interface ContactPersonValues {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
}

export interface CompanyValues extends CommonValues {
  name: string;
  orgNumber: string;
  billingAddress: Address;
  visitingAddress: Address;
  industryId: string | null;
  contactPerson: ContactPersonValues;
}

const emptyAddress = (): Address => ({ street: '', postalCode: '', city: '', country: '' });

const emptyCommon = (): CommonValues => ({
  phones: [{ number: '', label: 'mobile' }],
  emails: [{ email: '', label: 'personal' }],
  branchId: null,
  statusId: null,
  responsibleId: null,
  sourceId: null,
  note: '',
  tagIds: [],
  categoryIds: [],
  productIds: [],
  custom: {},
});

export const emptyPerson = (companyId?: string): PersonValues => ({
  ...emptyCommon(),
  firstName: '',
  lastName: '',
  birthDate: null,
  address: emptyAddress(),
  companyId: companyId ?? null,
  consentEmail: { granted: false, source: '', byId: null },
  consentSms: { granted: false, source: '', byId: null },
});

export const emptyCompany = (): CompanyValues => ({
  ...emptyCommon(),
  phones: [{ number: '', label: 'work' }],
  emails: [{ email: '', label: 'work' }],
  name: '',
  orgNumber: '',
  billingAddress: emptyAddress(),
  visitingAddress: emptyAddress(),
  industryId: null,
  contactPerson: { firstName: '', lastName: '', phone: '', email: '' },
});

function commonOf(c: Person | Company, region?: string | null): CommonValues {
  return {
    // An empty row to type into is always there: one click less at the desk.
    phones: c.phones.length
      ? c.phones.map((p) => ({ number: formatPhone(p.number, region), label: p.label }))
      : emptyCommon().phones,
    emails: c.emails.length
      ? c.emails.map((e) => ({ email: e.email, label: e.label }))
      : emptyCommon().emails,
    branchId: c.branchId,
    statusId: c.statusId,
    responsibleId: c.responsibleId,
    sourceId: c.sourceId,
    note: c.note,
    tagIds: c.tagIds,
    categoryIds: c.categoryIds,
    productIds: c.productIds,
    custom: { ...c.custom },
  };
}

const consentValuesOf = (c: Person['consentEmail']): ConsentValues => ({
  granted: c.granted,
  source: c.source ?? '',
  byId: c.by?.id ?? null,
});

/** An edit form starts from the record, phones written the way people read them. */
export const personValuesOf = (p: Person, region?: string | null): PersonValues => ({
  ...commonOf(p, region),
  firstName: p.firstName,
  lastName: p.lastName,
  birthDate: p.birthDate,
  address: { ...p.address },
  companyId: p.companyId,
  consentEmail: consentValuesOf(p.consentEmail),
  consentSms: consentValuesOf(p.consentSms),
});

export const companyValuesOf = (c: Company, region?: string | null): CompanyValues => ({
  ...commonOf(c, region),
  name: c.name,
  orgNumber: c.orgNumber,
  billingAddress: { ...c.billingAddress },
  visitingAddress: { ...c.visitingAddress },
  industryId: c.industryId,
  contactPerson: emptyCompany().contactPerson,
});

/**
 * Which form row each sent row came from: blank rows are not sent, so the server's
 * `phones.1.number` may be the form's `phones.2.number`.
 */
export interface RowMap {
  phones: number[];
  emails: number[];
}

const filledRows = <T>(rows: T[], filled: (row: T) => boolean) => {
  const kept: T[] = [];
  const from: number[] = [];
  rows.forEach((row, i) => {
    if (filled(row)) {
      kept.push(row);
      from.push(i);
    }
  });
  return { kept, from };
};

/** Custom values as the API wants them: '' is no value; numbers stay numbers. */
export function customBody(values: CustomFormValues, fields: CustomField[], forCreate: boolean) {
  const out: CustomValues = {};
  for (const field of fields) {
    const raw = values[field.id];
    const value = raw === '' || raw === undefined ? null : raw;
    if (value === null && forCreate) continue;
    out[field.id] = value;
  }
  return out;
}

function commonBody(v: CommonValues, fields: CustomField[], forCreate: boolean) {
  const phones = filledRows(
    v.phones.map((p) => ({ number: p.number.trim(), label: p.label })),
    (p) => p.number !== '',
  );
  const emails = filledRows(
    v.emails.map((e) => ({ email: e.email.trim(), label: e.label })),
    (e) => e.email !== '',
  );
  return {
    body: {
      phones: phones.kept,
      emails: emails.kept,
      branchId: v.branchId,
      statusId: v.statusId,
      responsibleId: v.responsibleId,
      sourceId: v.sourceId,
      note: v.note,
      tagIds: v.tagIds,
      categoryIds: v.categoryIds,
      productIds: v.productIds,
      custom: customBody(v.custom, fields, forCreate),
    },
    rows: { phones: phones.from, emails: emails.from } satisfies RowMap,
  };
}

/**
 * `byId` goes only where a guardian is or was involved, so a person with no guardians never
 * sends it; a consent withdrawn has no giver.
 */
const consentBody = (c: ConsentValues, initial?: ConsentValues) => ({
  granted: c.granted,
  source: c.source.trim() || null,
  ...((c.byId !== null || (initial?.byId ?? null) !== null) && {
    byId: c.granted ? c.byId : null,
  }),
});

const sameConsent = (a: ConsentValues, b: ConsentValues) =>
  a.granted === b.granted && a.source.trim() === b.source.trim() && a.byId === b.byId;

/**
 * The request body of a person form. Consents are sent only when changed, so saving other
 * fields never moves the date a consent was given.
 */
export function personBody(
  v: PersonValues,
  fields: CustomField[],
  initial?: PersonValues,
): { body: PersonCreate; rows: RowMap } {
  const { body, rows } = commonBody(v, fields, !initial);
  const person: PersonCreate = {
    ...body,
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    birthDate: v.birthDate || null,
    address: v.address,
    companyId: v.companyId,
  };
  if (!initial || !sameConsent(initial.consentEmail, v.consentEmail)) {
    person.consentEmail = consentBody(v.consentEmail, initial?.consentEmail);
  }
  if (!initial || !sameConsent(initial.consentSms, v.consentSms)) {
    person.consentSms = consentBody(v.consentSms, initial?.consentSms);
  }
  return { body: person, rows };
}

export function companyBody(
  v: CompanyValues,
  fields: CustomField[],
  forCreate: boolean,
): { body: CompanyCreate; rows: RowMap } {
  const { body, rows } = commonBody(v, fields, forCreate);
  const company: CompanyCreate = {
    ...body,
    name: v.name.trim(),
    orgNumber: v.orgNumber.trim(),
    billingAddress: v.billingAddress,
    visitingAddress: v.visitingAddress,
    industryId: v.industryId,
  };
  const cp = v.contactPerson;
  const cpFilled = [cp.firstName, cp.lastName, cp.phone, cp.email].some((s) => s.trim() !== '');
  if (forCreate && cpFilled) {
    company.contactPerson = {
      firstName: cp.firstName.trim(),
      lastName: cp.lastName.trim(),
      phones: cp.phone.trim() ? [{ number: cp.phone.trim(), label: 'mobile' }] : [],
      emails: cp.email.trim() ? [{ email: cp.email.trim(), label: 'work' }] : [],
    };
  }
  return { body: company, rows };
}

/**
 * An error key of the API (or of the contract's schema) as a form path: sent row numbers
 * become form row numbers, the contact person's single phone/email become their inputs.
 */
export function formPath(key: string, rows: RowMap): string {
  const parts = key.split('.');
  const [head, index, ...rest] = parts;
  if ((head === 'phones' || head === 'emails') && index !== undefined && /^\d+$/.test(index)) {
    const formIndex = rows[head][Number(index)] ?? Number(index);
    return [head, String(formIndex), ...rest].join('.');
  }
  if (head === 'contactPerson' && (index === 'phones' || index === 'emails')) {
    return `contactPerson.${index === 'phones' ? 'phone' : 'email'}`;
  }
  return key;
}

export function remapErrors(errors: Record<string, string>, rows: RowMap) {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) out[formPath(key, rows)] = message;
  return out;
}

function schemaErrors(schema: z.ZodType, body: unknown, rows: RowMap) {
  const result = schema.safeParse(body);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = formPath(issue.path.map(String).join('.'), rows);
    errors[key] ??= issueText(issue);
  }
  return errors;
}

/** Validates a form with the same contract the server uses, so both agree on every field. */
export function validatePerson(v: PersonValues, fields: CustomField[]) {
  const { body, rows } = personBody(v, fields);
  return schemaErrors(personCreateSchema, body, rows);
}

export function validateCompany(v: CompanyValues, fields: CustomField[], forCreate: boolean) {
  const { body, rows } = companyBody(v, fields, forCreate);
  return schemaErrors(companyCreateSchema, body, rows);
}

/** The values the duplicate check looks at: phones and emails worth asking about. */
export function duplicateProbe(v: CommonValues) {
  return {
    phones: v.phones.map((p) => p.number.trim()).filter((n) => n.replace(/\D/g, '').length >= 4),
    emails: v.emails.map((e) => e.email.trim()).filter((e) => /.+@.+\..+/.test(e)),
  };
}
