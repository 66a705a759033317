import { sql, type SQL } from 'drizzle-orm';
import type { AudienceCounts, CampaignChannel } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { mailBounces, mailRecipients, mailUnsubscribes } from './campaigns.table.ts';

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(r: unknown): T[] => {
  const x = r as Rows<T>;
  return Array.isArray(x) ? x : x.rows;
};

/**
 * Where a person is reached on a channel: the first email address (stored lower-case), or the
 * first mobile number that could be read as E.164.
 */
export function addressOf(channel: CampaignChannel): SQL {
  return channel === 'email'
    ? sql`nullif(${contacts.emails} -> 0 ->> 'email', '')`
    : sql`(jsonb_path_query_first(${contacts.phones}, '$[*] ? (@.label == "mobile" && @.valid == true)') ->> 'number')`;
}

const consentOf = (channel: CampaignChannel) =>
  channel === 'email' ? contacts.consentEmail : contacts.consentSms;

/**
 * The persons the list's WHERE (`listed`) matches with what decides whether a campaign reaches
 * them: address, consent, an unsubscribe on this channel, a bounce of that address.
 */
function audienceSelect(orgId: string, channel: CampaignChannel, listed: SQL): SQL {
  const address = addressOf(channel);
  // Joins, not a subquery per person: the unsubscribes and bounces are hashed once.
  return sql`select ${contacts.id} as person_id, ${address} as address,
      ${consentOf(channel)} as consent,
      u.person_id is not null as unsubscribed,
      b.address is not null as bounced
    from ${contacts}
    left join ${mailUnsubscribes} u on u.org_id = ${orgId}::uuid
      and u.person_id = ${contacts.id} and u.channel = ${channel}
    left join ${mailBounces} b on b.org_id = ${orgId}::uuid and b.address = ${address}
    where ${listed}`;
}

/**
 * Before sending (and when it starts): the counts, in ONE statement over the list's persons.
 * Each matched person is in exactly one of the other groups, in this order: no address,
 * unsubscribed (withdrew through a link and has no consent now), no consent, bounced, reachable.
 */
export async function countAudience(
  db: Db,
  orgId: string,
  channel: CampaignChannel,
  listed: SQL,
): Promise<AudienceCounts> {
  const result = await db.execute(sql`
    with a as (${audienceSelect(orgId, channel, listed)})
    select count(*)::int as matched,
      count(*) filter (where address is null)::int as no_address,
      count(*) filter (where address is not null and not consent and unsubscribed)::int as unsubscribed,
      count(*) filter (where address is not null and not consent and not unsubscribed)::int as no_consent,
      count(*) filter (where address is not null and consent and bounced)::int as bounced,
      count(*) filter (where address is not null and consent and not bounced)::int as reachable
    from a`);
  const row = rowsOf<Record<string, number>>(result)[0] ?? {};
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    matched: n('matched'),
    noAddress: n('no_address'),
    noConsent: n('no_consent'),
    unsubscribed: n('unsubscribed'),
    bounced: n('bounced'),
    reachable: n('reachable'),
  };
}

/**
 * Fixes a campaign's recipients when sending starts: the reachable persons, with their address
 * now and the language their text is chosen in, in ONE insert … select. Answers the persons
 * added, in the list's name order (the order their messages are spread in).
 */
export async function insertRecipients(
  db: Db,
  opts: { orgId: string; campaignId: string; channel: CampaignChannel; locale: string },
  listed: SQL,
): Promise<string[]> {
  const result = await db.execute(sql`
    with a as (${audienceSelect(opts.orgId, opts.channel, listed)}),
    added as (
      insert into ${mailRecipients} (org_id, campaign_id, person_id, address, locale, state)
      select ${opts.orgId}::uuid, ${opts.campaignId}::uuid, person_id, address, ${opts.locale}, 'queued'
      from a where address is not null and consent and not bounced
      on conflict do nothing
      returning person_id)
    select person_id from added`);
  return rowsOf<{ person_id: string }>(result).map((r) => r.person_id);
}
