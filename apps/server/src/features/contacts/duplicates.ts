import type { Duplicate, duplicateCheckSchema } from '@spotter/contracts';
import { and, arrayOverlaps, asc, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
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
  const where: SQL[] = [eq(contacts.orgId, orgId), isNull(contacts.deletedAt), or(...matches)!];
  for (const id of keys.excludeIds ?? []) where.push(ne(contacts.id, id));
  const rows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      displayName: contacts.displayName,
      phoneKeys: contacts.phoneKeys,
      emailKeys: contacts.emailKeys,
    })
    .from(contacts)
    .where(and(...where))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(MAX_DUPLICATES);
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
