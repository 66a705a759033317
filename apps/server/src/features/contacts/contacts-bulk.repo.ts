import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from './contacts.table.ts';

type ContactInsert = typeof contacts.$inferInsert & { id: string };

/** Column → Postgres type of what an import writes; the rest keep their defaults. */
const CONTACT_COLUMNS = {
  id: 'uuid',
  org_id: 'uuid',
  kind: 'text',
  first_name: 'text',
  last_name: 'text',
  birth_date: 'date',
  address: 'jsonb',
  company_id: 'uuid',
  name: 'text',
  org_number: 'text',
  visiting_address: 'jsonb',
  industry_id: 'uuid',
  display_name: 'text',
  sort_name: 'text',
  phones: 'jsonb',
  emails: 'jsonb',
  phone_keys: 'text[]',
  email_keys: 'text[]',
  search_text: 'text',
  branch_id: 'uuid',
  status_id: 'uuid',
  responsible_id: 'uuid',
  source_id: 'uuid',
  note: 'text',
  tag_ids: 'uuid[]',
  category_ids: 'uuid[]',
  product_ids: 'uuid[]',
  custom: 'jsonb',
  consent_email: 'boolean',
  consent_email_at: 'timestamptz',
  consent_email_source: 'text',
  consent_sms: 'boolean',
  consent_sms_at: 'timestamptz',
  consent_sms_source: 'text',
  created_by: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
} as const;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** A new contact's columns with the data of the history entry it gets. */
export type BatchContact = ContactInsert & { historyData: Record<string, unknown> };

const names = Object.keys(CONTACT_COLUMNS).join(', ');
const defs = Object.entries(CONTACT_COLUMNS)
  .map(([name, type]) => `${name} ${type}`)
  .join(', ');

/**
 * ONE statement per batch writes the contacts and their history entries (`event`: the
 * importer's `imported`, the batch API's `created`, like a single create; by the contact's
 * creator at its creation time), the rows sent as ONE JSON
 * parameter: thousands of bind parameters cost far more than the rows themselves on the
 * embedded database, and every round trip counts on PostgreSQL. The history's foreign key
 * is checked at the end of the statement, when the contacts are there.
 */
export async function insertContactBatch(
  db: Db,
  values: BatchContact[],
  event: 'imported' | 'created',
) {
  if (values.length === 0) return;
  await insertContactBatchJson(db, contactBatchJson(values), event);
}

/**
 * The rows of `insertContactBatch` as its one JSON parameter: pure CPU work, which the import
 * does for its next batch while the database writes the one before.
 */
export function contactBatchJson(values: BatchContact[]): string {
  const now = iso(new Date());
  const records = values.map((v) => ({
    id: v.id,
    org_id: v.orgId,
    kind: v.kind,
    first_name: v.firstName ?? '',
    last_name: v.lastName ?? '',
    birth_date: v.birthDate ?? null,
    address: v.address ?? null,
    company_id: v.companyId ?? null,
    name: v.name ?? '',
    org_number: v.orgNumber ?? '',
    visiting_address: v.visitingAddress ?? null,
    industry_id: v.industryId ?? null,
    display_name: v.displayName,
    sort_name: v.sortName,
    phones: v.phones ?? [],
    emails: v.emails ?? [],
    phone_keys: v.phoneKeys ?? [],
    email_keys: v.emailKeys ?? [],
    search_text: v.searchText ?? '',
    branch_id: v.branchId ?? null,
    status_id: v.statusId ?? null,
    responsible_id: v.responsibleId ?? null,
    source_id: v.sourceId ?? null,
    note: v.note ?? '',
    tag_ids: v.tagIds ?? [],
    category_ids: v.categoryIds ?? [],
    product_ids: v.productIds ?? [],
    custom: v.custom ?? {},
    consent_email: v.consentEmail ?? false,
    consent_email_at: iso(v.consentEmailAt),
    consent_email_source: v.consentEmailSource ?? null,
    consent_sms: v.consentSms ?? false,
    consent_sms_at: iso(v.consentSmsAt),
    consent_sms_source: v.consentSmsSource ?? null,
    created_by: v.createdBy ?? null,
    created_at: iso(v.createdAt) ?? now,
    updated_at: iso(v.updatedAt) ?? now,
    history_data: v.historyData,
  }));
  return JSON.stringify(records);
}

/** Writes rows made by `contactBatchJson` (a non-empty batch) with their history entries. */
export async function insertContactBatchJson(db: Db, json: string, event: 'imported' | 'created') {
  await db.execute(sql`
    with x as materialized (
      select * from jsonb_to_recordset(${json}::jsonb)
        as x(${sql.raw(defs)}, history_data jsonb)
    ), inserted as (
      insert into contacts (${sql.raw(names)}) select ${sql.raw(names)} from x
    )
    insert into contact_history (org_id, contact_id, event, data, author_id, created_at)
    select org_id, id, ${event}, history_data, created_by, created_at from x`);
}

/** Writes checked values over an existing contact (an import row, a batch API upsert). */
export async function updateImportedContact(
  db: Db,
  orgId: string,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
) {
  await db
    .update(contacts)
    .set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, id)));
}
