import {
  DEFAULT_WORKDAY_START,
  type CrmSettings,
  type crmSettingsUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, notFound, versionConflict } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import * as repo from './crm-settings.repo.ts';
import { guessPhoneRegion } from './phone-region.ts';

type UpdateInput = z.output<typeof crmSettingsUpdateSchema>;

export const DEFAULT_TRASH_RETENTION_DAYS = 30;

/** The settings in force: the stored row, with defaults for what was never chosen. */
async function effective(db: Db, orgId: string): Promise<CrmSettings> {
  const [row, org] = await Promise.all([
    repo.findCrmSettings(db, orgId),
    findOrganization(db, orgId),
  ]);
  if (!org) throw notFound('Organization');
  return {
    trashRetentionDays: row?.trashRetentionDays ?? DEFAULT_TRASH_RETENTION_DAYS,
    phoneRegion: row?.phoneRegion ?? guessPhoneRegion(org.timezone, org.locale),
    workdayStart: row?.workdayStart ?? DEFAULT_WORKDAY_START,
    workdayEnd: row?.workdayEnd ?? null,
    // Version 0: nothing saved yet; the first save creates the row.
    version: row?.version ?? 0,
    updatedAt: (row?.updatedAt ?? org.createdAt).toISOString(),
  };
}

/** Effective settings for other features (trash purger, phone parsing, import). */
export async function getCrmSettings(
  db: Db,
  orgId: string,
): Promise<{ trashRetentionDays: number; phoneRegion: string | null }> {
  const { trashRetentionDays, phoneRegion } = await effective(db, orgId);
  return { trashRetentionDays, phoneRegion };
}

/**
 * The club's working day on its own clock, for the tasks feature: day-based follow-ups are due
 * at `start`; with an `end`, minute and hour offsets are kept inside it.
 */
export async function getWorkingHours(
  db: Db,
  orgId: string,
): Promise<{ start: string; end: string | null }> {
  const row = await repo.findCrmSettings(db, orgId);
  return { start: row?.workdayStart ?? DEFAULT_WORKDAY_START, end: row?.workdayEnd ?? null };
}

export async function readCrmSettings(db: Db, actor: Actor) {
  assertCan(actor, 'contacts.read');
  return effective(db, actor.orgId);
}

/** `phoneRegion: null` goes back to the default guessed from the organization. */
export async function updateCrmSettings(db: Db, actor: Actor, input: UpdateInput) {
  assertCan(actor, 'settings.manage');
  const { version, ...patch } = input;
  await checkWorkday(db, actor.orgId, patch);
  const saved =
    version === 0
      ? await repo.insertCrmSettings(db, actor.orgId, patch)
      : await repo.updateCrmSettings(db, actor.orgId, version, patch);
  if (!saved) throw versionConflict(null, 'these settings');
  return effective(db, actor.orgId);
}

/** "HH:MM" strings of the same shape compare as times; the end must come after the start. */
async function checkWorkday(db: Db, orgId: string, patch: Omit<UpdateInput, 'version'>) {
  if (patch.workdayStart === undefined && patch.workdayEnd === undefined) return;
  const stored = await getWorkingHours(db, orgId);
  const start = patch.workdayStart ?? stored.start;
  const end = patch.workdayEnd === undefined ? stored.end : patch.workdayEnd;
  if (end !== null && end <= start) {
    throw fieldInvalid('workdayEnd', 'before_start', 'The working day must end after it starts', {
      min: start,
    });
  }
}
