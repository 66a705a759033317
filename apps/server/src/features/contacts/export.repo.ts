import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { contactStatuses, lookups } from '../contact-settings/index.ts';
import { users } from '../users/index.ts';
import { contacts } from './contacts.table.ts';

/** Names for every id an export may show; an organization has hundreds of these, not millions. */
export interface ExportNames {
  statuses: Map<string, string>;
  lookups: Map<string, string>;
  users: Map<string, string>;
  branches: Map<string, string>;
}

const toMap = (rows: Array<{ id: string; name: string }>) =>
  new Map(rows.map((r) => [r.id, r.name]));

export async function loadExportNames(db: Db, orgId: string): Promise<ExportNames> {
  const [s, l, u, b] = await Promise.all([
    db
      .select({ id: contactStatuses.id, name: contactStatuses.name })
      .from(contactStatuses)
      .where(eq(contactStatuses.orgId, orgId)),
    db.select({ id: lookups.id, name: lookups.name }).from(lookups).where(eq(lookups.orgId, orgId)),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.orgId, orgId)),
    db
      .select({ id: branches.id, name: branches.name })
      .from(branches)
      .where(eq(branches.orgId, orgId)),
  ]);
  return { statuses: toMap(s), lookups: toMap(l), users: toMap(u), branches: toMap(b) };
}

/** Names of the companies a page of persons links to. */
export async function loadCompanyNames(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: contacts.id, name: contacts.displayName })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
  return toMap(rows);
}
