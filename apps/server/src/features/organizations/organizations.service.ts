import type { Organization, organizationUpdateSchema, setupBodySchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  conflict,
  emailTaken,
  isUniqueViolation,
  notFound,
  versionConflict,
} from '../../lib/errors.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/index.ts';
import { seedCrmDefaults } from '../contact-settings/index.ts';
import { seedTaskDefaults } from '../task-settings/index.ts';
import { insertUser } from '../users/index.ts';
import * as repo from './organizations.repo.ts';

type SetupInput = z.output<typeof setupBodySchema>;
type UpdateInput = z.output<typeof organizationUpdateSchema>;

export function toOrganizationDto(row: repo.OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    locale: row.locale as Organization['locale'],
    currency: row.currency,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function isSetupNeeded(db: Db) {
  return (await repo.countOrganizations(db)) === 0;
}

/**
 * Creates an organization with its owner. `firstOnly` is the first-run setup: it refuses once
 * any organization exists; open signup (hosted deployments) has no such limit.
 */
export async function createOrganization(db: Db, input: SetupInput, firstOnly: boolean) {
  assertAcceptablePassword(input.owner.password, 'owner.password');
  const passwordHash = await hashPassword(input.owner.password);
  try {
    return await db.transaction(async (tx) => {
      if (firstOnly) {
        await repo.lockSetup(tx);
        if ((await repo.countOrganizations(tx)) > 0) {
          throw conflict('already_set_up', 'Spotter is already set up; please log in');
        }
      }
      const organization = await repo.insertOrganization(tx, input.organization);
      const owner = await insertUser(tx, {
        orgId: organization.id,
        name: input.owner.name,
        email: input.owner.email,
        passwordHash,
        role: 'owner',
        locale: null,
      });
      // Statuses and history event types in the club's language, so the CRM works at once.
      await seedCrmDefaults(tx, organization.id, input.organization.locale);
      await seedTaskDefaults(tx, organization.id, input.organization.locale);
      return { organization, owner };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw emailTaken('An account with this email already exists', 'owner.email');
    }
    throw err;
  }
}

export async function getOrganization(db: Db, actor: Actor) {
  assertCan(actor, 'organization.read');
  const row = await repo.findOrganization(db, actor.orgId);
  if (!row) throw notFound('Organization');
  return toOrganizationDto(row);
}

export async function updateOrganization(db: Db, actor: Actor, input: UpdateInput) {
  assertCan(actor, 'organization.manage');
  const { version, ...patch } = input;
  const row = await repo.updateOrganization(db, actor.orgId, version, patch);
  if (row) return toOrganizationDto(row);
  if (!(await repo.findOrganization(db, actor.orgId))) throw notFound('Organization');
  throw versionConflict(null, 'these settings');
}
