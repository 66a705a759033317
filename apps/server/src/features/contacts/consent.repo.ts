import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts } from './contacts.table.ts';
import { insertHistory } from './history.repo.ts';

export type ConsentChannel = 'email' | 'sms';

const COLUMNS = {
  email: {
    flag: contacts.consentEmail,
    at: 'consentEmailAt',
    source: 'consentEmailSource',
    by: 'consentEmailBy',
  },
  sms: {
    flag: contacts.consentSms,
    at: 'consentSmsAt',
    source: 'consentSmsSource',
    by: 'consentSmsBy',
  },
} as const;

/**
 * The person said no more marketing on `channel` (an unsubscribe link): the consent goes off
 * with its source and time, the version moves on (an open editor gets 409, not a silent undo),
 * and the history says so. Only a live person who still consents changes, so a repeat is a
 * no-op; answers whether anything changed. Run it in a transaction with whatever else records
 * the same act.
 */
export async function withdrawConsent(
  db: Db,
  orgId: string,
  personId: string,
  channel: ConsentChannel,
  opts: { source: string; at: Date; data?: Record<string, unknown> },
): Promise<boolean> {
  const col = COLUMNS[channel];
  const changed = await db
    .update(contacts)
    .set({
      [channel === 'email' ? 'consentEmail' : 'consentSms']: false,
      [col.at]: opts.at,
      [col.source]: opts.source,
      // Withdrawn by the person (or for them): no guardian's consent stands any more.
      [col.by]: null,
      version: sql`${contacts.version} + 1`,
      updatedAt: opts.at,
    })
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.id, personId),
        eq(contacts.kind, 'person'),
        eq(col.flag, true),
        isNull(contacts.deletedAt),
        isNull(contacts.erasedAt),
      ),
    )
    .returning({ id: contacts.id });
  if (changed.length === 0) return false;
  await insertHistory(db, orgId, personId, {
    event: 'consent_withdrawn',
    text: opts.source,
    data: { channel, source: opts.source, ...opts.data },
    createdAt: opts.at,
  });
  return true;
}
