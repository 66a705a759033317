import type { setupBodySchema } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { conflict, emailTaken, isUniqueViolation } from '../../lib/errors.ts';
import { Hook } from '../../lib/hooks.ts';
import {
  countOrganizations,
  insertOrganization,
  lockSetup,
  organizationCreated,
} from '../organizations/index.ts';
import { assertAcceptablePassword, hashPassword, insertUser } from '../users/index.ts';

type SetupInput = z.output<typeof setupBodySchema>;

const signupRefused = () =>
  conflict(
    'signup_refused',
    'An organization could not be created with these details. If you already have an ' +
      'account, log in; otherwise try another email address.',
  );

/**
 * An organization was set up through the first-run page or signup, its owner logged in; runs
 * after the creating transaction committed (the demo feature fills it when asked to).
 */
export const organizationSetUp = new Hook<
  [db: Db, setup: { orgId: string; ownerId: string; demoData: boolean; sessionSecret: string }]
>('organizationSetUp');

export async function isSetupNeeded(db: Db) {
  return (await countOrganizations(db)) === 0;
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
        await lockSetup(tx);
        if ((await countOrganizations(tx)) > 0) {
          throw conflict('already_set_up', 'Spotter is already set up; please log in');
        }
      }
      const organization = await insertOrganization(tx, input.organization);
      const owner = await insertUser(tx, {
        orgId: organization.id,
        name: input.owner.name,
        email: input.owner.email,
        passwordHash,
        role: 'owner',
        locale: null,
      });
      await organizationCreated.run(tx, {
        orgId: organization.id,
        locale: input.organization.locale,
      });
      return { organization, owner };
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      // The first run has no other accounts to reveal; open signup does not say which emails
      // have one (decision 0011 says what this hides and what it cannot).
      throw firstOnly
        ? emailTaken('An account with this email already exists', 'owner.email')
        : signupRefused();
    }
    throw err;
  }
}
