import type { Db } from '../../db/client.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import * as members from './members.repo.ts';
import type { RuleCtx } from './rules.ts';
import { rulesOf } from './rules.repo.ts';

/** The organization's clock, language and rules, read once per event. */
export async function ruleContext(
  db: Db,
  orgId: string,
  now: Date,
): Promise<RuleCtx & { region: string | null; autoLink: boolean }> {
  const org = await findOrganization(db, orgId);
  const crm = await getCrmSettings(db, orgId);
  const settings = await members.getSettings(db, orgId);
  return {
    db,
    orgId,
    now,
    timezone: org?.timezone ?? 'UTC',
    locale: org?.locale ?? 'en',
    rules: rulesOf('rules' in settings ? settings.rules : {}),
    steps: [],
    contactId: null,
    region: crm.phoneRegion ?? null,
    autoLink: settings.autoLink,
  };
}
