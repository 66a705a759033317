import type { Db } from '../../db/client.ts';
import { enqueueJob, type JobDefinitions } from '../jobs/index.ts';
import * as members from './members.repo.ts';
import { ruleText } from './rule-texts.ts';
import { ruleCard, writeRuleCards } from './rules.ts';
import { ruleContext } from './rule-context.ts';

export const UNPAID_JOB = 'club-events.unpaid-check';

/** A new unpaid contract is looked at again after the rule's delay: paid by then, no card. */
export function enqueueUnpaidCheck(
  db: Db,
  c: { orgId: string; sourceId: string; contractExternalId: string; runAt: Date },
) {
  return enqueueJob(db, {
    kind: UNPAID_JOB,
    key: `club-unpaid:${c.sourceId}:${c.contractExternalId}`,
    orgId: c.orgId,
    payload: { sourceId: c.sourceId, contractExternalId: c.contractExternalId },
    runAt: c.runAt,
  });
}

export async function checkUnpaid(
  db: Db,
  orgId: string,
  sourceId: string,
  externalId: string,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const contract = await members.findMemberRecord(tx, orgId, sourceId, 'contract', externalId);
    if (!contract?.contactId) return;
    const data = contract.data as Record<string, unknown>;
    if (data.paid !== false || data.state === 'cancelled' || data.state === 'ended') return;
    const ctx = await ruleContext(tx, orgId, now);
    ctx.contactId = contract.contactId;
    ruleCard(ctx, 'unpaid_contract', {
      cause: `unpaid_contract:${sourceId}:${externalId}`,
      moment: now,
      comment: ruleText(ctx.locale, 'unpaid_contract', { service: String(data.service ?? '') }),
    });
    await writeRuleCards(ctx);
  });
}

export const unpaidJobs: JobDefinitions = {
  [UNPAID_JOB]: {
    run: async (db, job, ctx) => {
      const { sourceId, contractExternalId } = job.payload;
      if (!job.orgId || typeof sourceId !== 'string' || typeof contractExternalId !== 'string')
        return;
      await checkUnpaid(db, job.orgId, sourceId, contractExternalId, ctx.now);
    },
  },
};
