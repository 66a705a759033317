import {
  CONFIGURABLE_FUNNEL_STEPS,
  type FunnelSettings,
  type FunnelSettingsUpdate,
  type FunnelStepsConfig,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldError, throwIfAny, versionConflict, type FieldErrors } from '../../lib/errors.ts';
import { defaultFunnelSteps } from './funnel-defaults.ts';
import * as repo from './funnel-settings.repo.ts';

/** The steps in force: the stored ones, or (never seeded) the defaults at version 0. */
export async function funnelSteps(db: Db, orgId: string): Promise<FunnelSettings> {
  const row = await repo.findFunnelSettings(db, orgId);
  if (row) {
    return { steps: row.steps, version: row.version, updatedAt: row.updatedAt.toISOString() };
  }
  const steps = await defaultFunnelSteps(db, orgId);
  return { steps, version: 0, updatedAt: new Date(0).toISOString() };
}

/** Those who read the funnel see what it counts; those who set the club up change it. */
export async function readFunnelSettings(db: Db, actor: Actor) {
  assertCan(actor, 'reports.read');
  return funnelSteps(db, actor.orgId);
}

export async function updateFunnelSettings(db: Db, actor: Actor, input: FunnelSettingsUpdate) {
  assertCan(actor, 'settings.manage');
  await checkReferences(db, actor.orgId, input.steps);
  const saved = await db.transaction(async (tx) =>
    input.version === 0
      ? repo.insertFunnelSettings(tx, actor.orgId, input.steps)
      : repo.updateFunnelSettings(tx, actor.orgId, input.version, input.steps),
  );
  if (!saved) throw versionConflict(null, 'the funnel steps');
  return funnelSteps(db, actor.orgId);
}

const KINDS = [
  ['resultIds', 'task result'],
  ['statusIds', 'person status'],
  ['stageIds', 'deal stage'],
] as const;

/** Every id must be the organization's own result, person status or stage (400, per field). */
async function checkReferences(db: Db, orgId: string, steps: FunnelStepsConfig) {
  const all = (key: (typeof KINDS)[number][0]) =>
    CONFIGURABLE_FUNNEL_STEPS.flatMap((step) => steps[step][key]);
  const known = await repo.knownReferences(db, orgId, {
    resultIds: all('resultIds'),
    statusIds: all('statusIds'),
    stageIds: all('stageIds'),
  });
  const errors: FieldErrors = {};
  for (const step of CONFIGURABLE_FUNNEL_STEPS) {
    for (const [key, word] of KINDS) {
      const unknown = steps[step][key].filter((id) => !known[key].has(id));
      if (unknown.length > 0) {
        errors[`steps.${step}.${key}`] = fieldError('unknown_reference', `Unknown ${word}`, {
          ids: unknown.join(', '),
        });
      }
    }
  }
  throwIfAny(errors);
}
