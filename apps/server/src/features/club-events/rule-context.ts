import type { Db } from '../../db/client.ts';
import { regionAndHoursOf } from '../contact-settings/index.ts';
import { notFound } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import * as members from './members.repo.ts';
import type { RuleCtx } from './rules.ts';
import { rulesOf } from './rules.repo.ts';

/** What processing reads of the organization: its clock, language, phone region and rules. */
export type OrgRules = Pick<RuleCtx, 'timezone' | 'hours' | 'locale' | 'rules'> & {
  region: string | null;
  autoLink: boolean;
};

export async function loadOrgRules(db: Db, orgId: string): Promise<OrgRules> {
  const org = await findOrganization(db, orgId);
  if (!org) throw notFound('Organization');
  // The organization is read once: its settings' defaults (the phone region) come from it.
  const crm = await regionAndHoursOf(db, org);
  const settings = await members.getSettings(db, orgId);
  return {
    timezone: org.timezone,
    hours: crm.hours,
    locale: org.locale,
    rules: rulesOf('rules' in settings ? settings.rules : {}),
    region: crm.phoneRegion,
    autoLink: settings.autoLink,
  };
}

/** A rule context over `db` (a transaction); `org` read once for many events (a drain's batch). */
export async function ruleContext(
  db: Db,
  orgId: string,
  now: Date,
  org?: OrgRules,
): Promise<RuleCtx & { region: string | null; autoLink: boolean }> {
  return {
    db,
    orgId,
    now,
    steps: [],
    contactId: null,
    cards: [],
    ...(org ?? (await loadOrgRules(db, orgId))),
  };
}
