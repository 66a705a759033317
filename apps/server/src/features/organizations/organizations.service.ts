import {
  DEFAULT_CRM_ROLES,
  EXTRA_REPORT_ROLES,
  ROLES,
  type Organization,
  type Role,
  type organizationUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { forbidden, notFound, versionConflict } from '../../lib/errors.ts';
import type { AuthCacheControl } from '../../plugins/auth.ts';
import * as repo from './organizations.repo.ts';

type UpdateInput = z.output<typeof organizationUpdateSchema>;

export function toOrganizationDto(row: repo.OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale as Organization['locale'],
    currency: row.currency,
    twoStepRequired: row.twoStepRequired,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The roles the organization lets into the CRM (U-2): its choice, or the defaults. */
export function crmRolesOf(row: Pick<repo.OrganizationRow, 'crmRoles'>): Role[] {
  if (!row.crmRoles) return [...DEFAULT_CRM_ROLES];
  return ROLES.filter((r) => row.crmRoles!.includes(r));
}

/** The further roles the organization lets see the reports (issue 15); none until it chooses. */
export function reportRolesOf(row: Pick<repo.OrganizationRow, 'reportRoles'>): Role[] {
  const chosen = row.reportRoles ?? [];
  return EXTRA_REPORT_ROLES.filter((r) => chosen.includes(r));
}

export async function getOrganization(
  db: Db,
  actor: Actor,
  /** The instance's few seconds' memory (decision 0019): a request answered without a query. */
  cache?: Pick<AuthCacheControl, 'organization'>,
) {
  assertCan(actor, 'organization.read');
  const load = () => repo.findOrganization(db, actor.orgId);
  const row = cache ? await cache.organization(actor.orgId, load) : await load();
  if (!row) throw notFound('Organization');
  return toOrganizationDto(row);
}

export async function updateOrganization(db: Db, actor: Actor, input: UpdateInput) {
  assertCan(actor, 'organization.manage');
  // Whether owners and admins need a second factor is the owners' call, not the admins'.
  if (input.twoStepRequired !== undefined && actor.role !== 'owner') {
    throw forbidden('Only an owner may change whether two-step sign-in is required');
  }
  const { version, ...patch } = input;
  const row = await repo.updateOrganization(db, actor.orgId, version, patch);
  if (row) return toOrganizationDto(row);
  if (!(await repo.findOrganization(db, actor.orgId))) throw notFound('Organization');
  throw versionConflict(null, 'these settings');
}
