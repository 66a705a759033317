import { sql, type SQL } from 'drizzle-orm';
import type { AudienceCounts, CampaignChannel } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts, minorNow, personRelations } from '../contacts/index.ts';
import { mailBounces, mailRecipients, mailUnsubscribes } from './campaigns.table.ts';

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(r: unknown): T[] => {
  const x = r as Rows<T>;
  return Array.isArray(x) ? x : x.rows;
};

/**
 * Where a person is reached on a channel: the first email address (stored lower-case), or the
 * first mobile number that could be read as E.164. `alias` names another row of contacts than
 * the statement's `contacts` (a guardian's).
 */
export function addressOf(channel: CampaignChannel, alias?: 'g'): SQL {
  const emails = alias ? sql.raw(`${alias}.emails`) : sql`${contacts.emails}`;
  const phones = alias ? sql.raw(`${alias}.phones`) : sql`${contacts.phones}`;
  return channel === 'email'
    ? sql`nullif(${emails} -> 0 ->> 'email', '')`
    : sql`(jsonb_path_query_first(${phones}, '$[*] ? (@.label == "mobile" && @.valid == true)') ->> 'number')`;
}

const consentOf = (channel: CampaignChannel) =>
  channel === 'email' ? contacts.consentEmail : contacts.consentSms;
const consentColumn = (channel: CampaignChannel) =>
  sql.raw(channel === 'email' ? 'consent_email' : 'consent_sms');

/** How far a person is from getting the message; a child's best guardian decides for them. */
const RANK = { noAddress: 1, unsubscribed: 2, noConsent: 3, bounced: 4, reachable: 5 } as const;
/** The ranks as SQL integer literals (a bound parameter would make them text). */
const rank = Object.fromEntries(
  Object.entries(RANK).map(([k, v]) => [k, sql.raw(String(v))]),
) as Record<keyof typeof RANK, SQL>;

/**
 * The CTEs `m` (the persons the list's WHERE `listed` matches, with their minority on the
 * club's clock), `g` (their live guardians when they are minors), `a` (whom each could be
 * reached through, with how far that one is from getting it: `rank`, RANK — address, consent,
 * an unsubscribe on this channel, a bounce of that address) and `best`: ONE row per matched
 * person, whom they are reached through. Issue 17: marketing about a child goes to ONE
 * consenting guardian (the primary one when they can get it, else another), never to the
 * child; a minor without a live guardian is reached like anyone else.
 */
function audienceWith(orgId: string, channel: CampaignChannel, listed: SQL, now: Date): SQL {
  const consent = consentColumn(channel);
  // Joins, not a subquery per person: the unsubscribes and bounces are hashed once.
  return sql`with m as (
      select ${contacts.id} as matched_id,
        ${minorNow(orgId, now, sql`${contacts.birthDate}`)} as minor,
        ${addressOf(channel)} as address, ${consentOf(channel)} as consent
      from ${contacts} where ${listed}),
    g as (
      select m.matched_id, g.id as person_id, ${addressOf(channel, 'g')} as address,
        g.${consent} as consent, r.is_primary
      from m
      join ${personRelations} r on r.org_id = ${orgId}::uuid and r.child_id = m.matched_id
      join ${contacts} g on g.org_id = r.org_id and g.id = r.guardian_id and g.deleted_at is null
      where m.minor),
    t as (
      select matched_id, person_id, address, consent, is_primary, true as via from g
      union all
      select matched_id, matched_id, address, consent, false, false from m
      where not m.minor or not exists (select 1 from g where g.matched_id = m.matched_id)),
    a as (
      select t.matched_id, t.person_id, t.address, t.via, t.is_primary, case
          when t.address is null then ${rank.noAddress}
          when not t.consent and u.person_id is not null then ${rank.unsubscribed}
          when not t.consent then ${rank.noConsent}
          when b.address is not null then ${rank.bounced}
          else ${rank.reachable} end as rank
      from t
      left join ${mailUnsubscribes} u on u.org_id = ${orgId}::uuid
        and u.person_id = t.person_id and u.channel = ${channel}
      left join ${mailBounces} b on b.org_id = ${orgId}::uuid and b.address = t.address),
    best as (
      select matched_id, person_id, address, via, rank from a where not via
      union all
      (select distinct on (matched_id) matched_id, person_id, address, via, rank from a
        where via order by matched_id, rank desc, is_primary desc, person_id))`;
}

/**
 * Before sending (and when it starts): the counts, in ONE statement over the list's persons.
 * Each matched person is in exactly one of the groups, by whom they are reached through (a
 * child by their best guardian): no address, unsubscribed (withdrew through a link and has no consent
 * now), no consent, bounced, reachable. `viaGuardian` of the reachable are children reached
 * through a guardian; `messages` is how many go out, each guardian once.
 */
export async function countAudience(
  db: Db,
  orgId: string,
  channel: CampaignChannel,
  listed: SQL,
  now: Date = new Date(),
): Promise<AudienceCounts> {
  const result = await db.execute(sql`
    ${audienceWith(orgId, channel, listed, now)}
    select count(*)::int as matched,
      count(*) filter (where rank = ${rank.noAddress})::int as no_address,
      count(*) filter (where rank = ${rank.unsubscribed})::int as unsubscribed,
      count(*) filter (where rank = ${rank.noConsent})::int as no_consent,
      count(*) filter (where rank = ${rank.bounced})::int as bounced,
      count(*) filter (where rank = ${rank.reachable})::int as reachable,
      count(*) filter (where rank = ${rank.reachable} and via)::int as via_guardian,
      count(distinct person_id) filter (where rank = ${rank.reachable})::int as messages
    from best`);
  const row = rowsOf<Record<string, number>>(result)[0] ?? {};
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    matched: n('matched'),
    noAddress: n('no_address'),
    noConsent: n('no_consent'),
    unsubscribed: n('unsubscribed'),
    bounced: n('bounced'),
    reachable: n('reachable'),
    viaGuardian: n('via_guardian'),
    messages: n('messages'),
  };
}

/**
 * Fixes a campaign's recipients when sending starts: the reachable persons — a guardian once,
 * however many of the matched children they are reached for (and matched themselves or not), with those children in
 * `about_ids` — with their address now and the language their text is chosen in, in ONE
 * insert … select. Answers the persons added.
 */
export async function insertRecipients(
  db: Db,
  opts: {
    orgId: string;
    campaignId: string;
    channel: CampaignChannel;
    locale: string;
    now?: Date;
  },
  listed: SQL,
): Promise<string[]> {
  const result = await db.execute(sql`
    ${audienceWith(opts.orgId, opts.channel, listed, opts.now ?? new Date())},
    picked as (
      select person_id, min(address) as address,
        coalesce(array_agg(matched_id order by matched_id) filter (where via), '{}'::uuid[])
          as about_ids
      from best where rank = ${rank.reachable} group by person_id),
    added as (
      insert into ${mailRecipients}
        (org_id, campaign_id, person_id, address, locale, state, about_ids)
      select ${opts.orgId}::uuid, ${opts.campaignId}::uuid, person_id, address, ${opts.locale},
        'queued', about_ids
      from picked
      on conflict do nothing
      returning person_id)
    select person_id from added`);
  return rowsOf<{ person_id: string }>(result).map((r) => r.person_id);
}
