import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { findContact, withdrawConsent } from '../contacts/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { asLocale } from './unsubscribe-page.ts';
import { UNSUBSCRIBE_SOURCE } from './unsubscribe-texts.ts';
import {
  openUnsubscribeToken,
  TEST_RECIPIENT,
  type UnsubscribeSubject,
} from './unsubscribe-token.ts';
import * as repo from './unsubscribe.repo.ts';

/** A genuine link, and what its page needs: the club's name and the recipient's language. */
export interface UnsubscribeTarget {
  subject: UnsubscribeSubject;
  club: string;
  /** The language the campaign reached the person in, else the organization's. */
  locale: Locale;
  orgLocale: Locale;
  campaignName: string | null;
  /** A test mail's link: its pages say so, and it unsubscribes nobody. */
  test: boolean;
}

/**
 * Opens a link's token. Forged, altered or malformed tokens cost one HMAC and no query;
 * null also when the organization is gone.
 */
export async function openUnsubscribe(
  db: Db,
  sessionSecret: string,
  token: string,
): Promise<UnsubscribeTarget | null> {
  const subject = openUnsubscribeToken(sessionSecret, token);
  if (!subject) return null;
  const org = await findOrganization(db, subject.orgId);
  if (!org) return null;
  const ctx = await repo.unsubscribeContext(
    db,
    subject.orgId,
    subject.campaignId,
    subject.personId,
  );
  const orgLocale = asLocale(org.locale);
  return {
    subject,
    club: org.name,
    locale: ctx.locale ? asLocale(ctx.locale) : orgLocale,
    orgLocale,
    campaignName: ctx.campaignName,
    test: subject.personId === TEST_RECIPIENT,
  };
}

/**
 * The person is out on the token's channel: consent withdrawn with source and time, history,
 * and a row that tells "unsubscribed" from "never agreed". One transaction that locks the
 * person, so two clicks at once still write once; a repeat, or a person no longer there,
 * changes nothing and is no error (mail apps retry, people click twice).
 */
export async function applyUnsubscribe(db: Db, target: UnsubscribeTarget, now: Date) {
  const { orgId, personId, channel, campaignId } = target.subject;
  if (personId === TEST_RECIPIENT) return { changed: false };
  const prefix = UNSUBSCRIBE_SOURCE[target.orgLocale];
  const source = target.campaignName ? `${prefix}: ${target.campaignName}` : prefix;
  return db.transaction(async (tx) => {
    const person = await findContact(tx, orgId, 'person', personId, { forUpdate: true });
    if (!person) return { changed: false };
    const withdrawn = await withdrawConsent(tx, orgId, personId, channel, {
      source,
      at: now,
      data: { campaignId, campaignName: target.campaignName },
    });
    const recorded = await repo.insertUnsubscribe(tx, {
      orgId,
      personId,
      channel,
      campaignId,
      at: now,
    });
    return { changed: withdrawn || recorded };
  });
}
