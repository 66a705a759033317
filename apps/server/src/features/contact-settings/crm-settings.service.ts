import {
  DEFAULT_ADULT_AGE,
  DEFAULT_RESPONSIBLE_ROLES,
  DEFAULT_WORKDAY_START,
  ROLES,
  type CrmSettings,
  type Role,
  type NewCallerResponsible,
  type crmSettingsUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { actorCan, assertCan, type Actor } from '../../lib/actor.ts';
import {
  fieldError,
  fieldInvalid,
  notFound,
  ruleBroken,
  versionConflict,
} from '../../lib/errors.ts';
import { firstLiveStatus, findStatus } from './statuses.repo.ts';
import {
  crmRolesOf,
  findOrganization,
  reportRolesOf,
  setCrmRoles,
  setReportRoles,
} from '../organizations/index.ts';
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
  // A status deleted or archived since it was chosen no longer applies: the first one does.
  const chosen = row?.newCallerStatusId ? await findStatus(db, orgId, row.newCallerStatusId) : null;
  const newCallerStatusId = chosen && !chosen.archivedAt ? chosen.id : null;
  return {
    trashRetentionDays: row?.trashRetentionDays ?? DEFAULT_TRASH_RETENTION_DAYS,
    phoneRegion: row?.phoneRegion ?? guessPhoneRegion(org.timezone, org.locale),
    workdayStart: row?.workdayStart ?? DEFAULT_WORKDAY_START,
    workdayEnd: row?.workdayEnd ?? null,
    newCallerStatusId,
    newCallerResponsible: row?.newCallerResponsible ?? 'taker',
    adultAge: row?.adultAge ?? DEFAULT_ADULT_AGE,
    crmRoles: crmRolesOf(org),
    responsibleRoles: storedResponsibleRoles(row),
    reportRoles: reportRolesOf(org),
    // Version 0: nothing saved yet; the first save creates the row.
    version: row?.version ?? 0,
    updatedAt: (row?.updatedAt ?? org.createdAt).toISOString(),
  };
}

function storedResponsibleRoles(row: repo.CrmSettingsRow | undefined): Role[] {
  const stored = row?.responsibleRoles;
  if (!stored) return [...DEFAULT_RESPONSIBLE_ROLES];
  return ROLES.filter((r) => stored.includes(r));
}

/** The roles that can be chosen as responsible for a contact or as a deal's owner (U-2). */
export async function responsibleRoles(db: Db, orgId: string): Promise<Role[]> {
  return storedResponsibleRoles(await repo.findCrmSettings(db, orgId));
}

/**
 * Refuses (422 `responsible_role`, naming `field`) a user whose role the CRM settings do not
 * allow as responsible or deal owner. Whether the user exists and is active is the caller's.
 */
export async function assertResponsibleRole(
  db: Db,
  orgId: string,
  user: { role: string },
  field = 'responsibleId',
): Promise<void> {
  const allowed = await responsibleRoles(db, orgId);
  if ((allowed as string[]).includes(user.role)) return;
  const message = 'The CRM settings do not let this staff member be responsible';
  throw ruleBroken('responsible_role', message, {
    [field]: fieldError('not_allowed', message, { role: user.role }),
  });
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

/**
 * The phone region and working day of an organization already read, from one read of its
 * settings: what processing a batch of club events needs, as `getCrmSettings` and
 * `getWorkingHours` would answer them.
 */
export async function regionAndHoursOf(
  db: Db,
  org: { id: string; timezone: string; locale: string },
): Promise<{ phoneRegion: string | null; hours: { start: string; end: string | null } }> {
  const row = await repo.findCrmSettings(db, org.id);
  return {
    phoneRegion: row?.phoneRegion ?? guessPhoneRegion(org.timezone, org.locale),
    hours: { start: row?.workdayStart ?? DEFAULT_WORKDAY_START, end: row?.workdayEnd ?? null },
  };
}

/**
 * What a person added from "New call" gets unless the form says otherwise (issue 10): the
 * chosen status while it is live, else the first person status by order; and as responsible
 * the staff member who took the call, unless the club chose nobody.
 */
export async function newCallerDefaults(
  db: Db,
  orgId: string,
): Promise<{ statusId: string | null; responsible: NewCallerResponsible }> {
  const row = await repo.findCrmSettings(db, orgId);
  const chosen = row?.newCallerStatusId ? await findStatus(db, orgId, row.newCallerStatusId) : null;
  const live = chosen && chosen.entity === 'person' && !chosen.archivedAt ? chosen : null;
  const status = live ?? (await firstLiveStatus(db, orgId, 'person'));
  return { statusId: status?.id ?? null, responsible: row?.newCallerResponsible ?? 'taker' };
}

/** Owners and admins read them even when the CRM is closed to their own role, to reopen it. */
export async function readCrmSettings(db: Db, actor: Actor) {
  if (!actorCan(actor, 'settings.manage')) assertCan(actor, 'contacts.read');
  return effective(db, actor.orgId);
}

/** `phoneRegion: null` goes back to the default guessed from the organization. */
export async function updateCrmSettings(db: Db, actor: Actor, input: UpdateInput) {
  assertCan(actor, 'settings.manage');
  const { version, crmRoles, reportRoles, ...patch } = input;
  await checkWorkday(db, actor.orgId, patch);
  if (patch.newCallerStatusId) await checkNewCallerStatus(db, actor.orgId, patch.newCallerStatusId);
  await db.transaction(async (tx) => {
    await checkRoles(tx, actor.orgId, crmRoles, patch.responsibleRoles);
    const saved =
      version === 0
        ? await repo.insertCrmSettings(tx, actor.orgId, patch)
        : await repo.updateCrmSettings(tx, actor.orgId, version, patch);
    if (!saved) throw versionConflict(null, 'these settings');
    // The settings' version (just moved on) guards this too; the row's trigger tells every
    // instance's session cache, and the route forgets this instance's at once.
    if (crmRoles) await setCrmRoles(tx, actor.orgId, crmRoles);
    if (reportRoles) await setReportRoles(tx, actor.orgId, reportRoles);
  });
  return effective(db, actor.orgId);
}

/** Whoever can be responsible must be able to use the CRM (each checked with the stored other). */
async function checkRoles(
  db: Db,
  orgId: string,
  crmRoles: Role[] | undefined,
  responsible: Role[] | undefined,
) {
  if (crmRoles === undefined && responsible === undefined) return;
  const org = await findOrganization(db, orgId);
  if (!org) throw notFound('Organization');
  const inCrm = crmRoles ?? crmRolesOf(org);
  const chosen = responsible ?? (await responsibleRoles(db, orgId));
  const outside = chosen.filter((r) => !inCrm.includes(r));
  if (outside.length === 0) return;
  const field = responsible !== undefined ? 'responsibleRoles' : 'crmRoles';
  throw fieldInvalid(
    field,
    'not_allowed',
    'Roles that can be responsible must be able to use the CRM',
    { roles: outside.join(', ') },
  );
}

async function checkNewCallerStatus(db: Db, orgId: string, id: string) {
  const status = await findStatus(db, orgId, id);
  if (!status || status.entity !== 'person') {
    throw fieldInvalid('newCallerStatusId', 'unknown_reference', 'Pick a status of persons');
  }
  if (status.archivedAt) {
    throw fieldInvalid('newCallerStatusId', 'archived', 'This status is archived');
  }
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
