import type { Duplicate, duplicateCheckSchema } from '@spotter/contracts';
import { and, arrayOverlaps, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { nulField } from './contact-values.ts';
import { contacts } from './contacts.table.ts';

/** Enough to warn and offer "open the existing record"; nobody reads more in a form. */
const MAX_DUPLICATES = 20;

/**
 * C-13: live contacts of the org (persons and companies) sharing a normalized phone or a
 * lower-case email with the given keys; each says what it matched on.
 */
export async function findDuplicates(
  db: Db,
  orgId: string,
  keys: { phoneKeys: readonly string[]; emailKeys: readonly string[]; excludeIds?: string[] },
): Promise<Duplicate[]> {
  const phoneKeys = [...new Set(keys.phoneKeys.filter(Boolean))];
  const emailKeys = [...new Set(keys.emailKeys.filter(Boolean))];
  const matches: SQL[] = [];
  if (phoneKeys.length) matches.push(arrayOverlaps(contacts.phoneKeys, phoneKeys));
  if (emailKeys.length) matches.push(arrayOverlaps(contacts.emailKeys, emailKeys));
  if (matches.length === 0) return [];
  const where: SQL[] = [sql`m.org_id = ${orgId}`, sql`m.deleted_at is null`];
  for (const id of keys.excludeIds ?? []) where.push(sql`m.id <> ${id}`);
  // The keys alone in a subquery of its own (`offset 0`): the planner can only probe the
  // keys' GIN indexes. With the organization's condition beside them, stale statistics (a
  // table filled by an import or a batch before autovacuum's next analyze) made it walk
  // the whole organization in name order for the LIMIT, 200 ms at 60,000 persons.
  const result = (await db.execute(sql`
    select m.id, m.kind, m.display_name, m.phone_keys, m.email_keys from (
      select ${contacts.id} as id, ${contacts.orgId} as org_id, ${contacts.kind} as kind,
        ${contacts.displayName} as display_name, ${contacts.sortName} as sort_name,
        ${contacts.phoneKeys} as phone_keys, ${contacts.emailKeys} as email_keys,
        ${contacts.deletedAt} as deleted_at
      from ${contacts} where ${or(...matches)} offset 0) m
    where ${and(...where)}
    order by m.sort_name, m.id limit ${MAX_DUPLICATES}`)) as unknown as {
    rows: Array<{
      id: string;
      kind: Duplicate['kind'];
      display_name: string;
      phone_keys: string[];
      email_keys: string[];
    }>;
  };
  const rows = result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    displayName: r.display_name,
    phoneKeys: r.phone_keys,
    emailKeys: r.email_keys,
  }));
  return rows.map((r) => {
    const phone = r.phoneKeys.find((k) => phoneKeys.includes(k));
    const email = r.emailKeys.find((k) => emailKeys.includes(k));
    return {
      id: r.id,
      kind: r.kind,
      displayName: r.displayName,
      matchedOn: phone ? 'phone' : 'email',
      value: phone ?? email ?? '',
    };
  });
}

/** The as-you-type warning of a form: the same reading of phones and emails as a save. */
export async function checkDuplicates(
  db: Db,
  actor: Actor,
  body: z.output<typeof duplicateCheckSchema>,
): Promise<{ items: Duplicate[] }> {
  assertCan(actor, 'contacts.read');
  const { phoneRegion } = await getCrmSettings(db, actor.orgId);
  const phoneKeys = body.phones
    .map((p) => normalizePhone(p, phoneRegion).number)
    .filter((n) => n.replace(/\D/g, '').length >= 3);
  const emailKeys = body.emails
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e.includes('@') && !nulField(e));
  const items = await findDuplicates(db, actor.orgId, {
    phoneKeys,
    emailKeys,
    excludeIds: body.excludeId ? [body.excludeId] : [],
  });
  return { items };
}
