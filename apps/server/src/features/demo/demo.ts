import { randomBytes } from 'node:crypto';
import type { Locale } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { branches } from '../branches/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { hashPassword, insertMissingUsers } from '../users/index.ts';
import { seedDemoClubEvents } from './demo-club-events.ts';
import { seedDemoContacts } from './demo-contacts.ts';
import { seedDemoDeals } from './demo-deals.ts';
import { seedDemoFamilies } from './demo-families.ts';
import { seedDemoGroups } from './demo-groups.ts';
import { seedDemoTasks } from './demo-tasks.ts';
import { DEMO_CLUBS, emailLocalPart } from './demo-names.ts';

/**
 * Fills an organization with a believable club: branches, staff of every role, a group tree,
 * deals on two pipelines, a CRM of
 * ~300 persons and ~30 companies with history, families of guardians and children (with cards
 * about children on the board), and a booking system and telephony connected
 * for months (seedDemoClubEvents). Safe to run twice: what exists already is left
 * alone. Staff get unknown random passwords; an admin hands out temporary ones from
 * Settings → Users when someone wants to try a role (`npm run demo` prints one per role).
 */
export async function seedDemo(
  db: Db,
  target: { orgId: string; ownerId: string; sessionSecret: string },
) {
  const organization = await findOrganization(db, target.orgId);
  if (!organization) throw new Error(`Organization ${target.orgId} not found`);
  const club = DEMO_CLUBS[organization.locale as Locale] ?? DEMO_CLUBS.en;
  const suffix = organization.id.slice(0, 8);
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));

  const newBranches = await db
    .insert(branches)
    .values(club.branches.map((name) => ({ orgId: target.orgId, name })))
    .onConflictDoNothing()
    .returning({ id: branches.id });
  const branchRows = await db.select().from(branches).where(eq(branches.orgId, target.orgId));
  const branchIds = branchRows.map((b) => b.id);

  const staff = club.staff.map((person, i) => ({
    orgId: target.orgId,
    name: person.name,
    email: `${emailLocalPart(person.name)}.${suffix}@demo.spotter.invalid`,
    role: person.role,
    passwordHash,
    mustChangePassword: true,
    // Front-line staff work in one branch each; managers and admins see them all.
    branchIds:
      ['sales', 'reception', 'instructor'].includes(person.role) && branchIds.length > 0
        ? [branchIds[i % branchIds.length]!]
        : [],
  }));
  const newStaff = await insertMissingUsers(db, staff);
  const tree = await seedDemoGroups(db, target.orgId, organization.locale as Locale);
  const crm = await seedDemoContacts(db, target.orgId, organization.locale as Locale);
  const board = await seedDemoTasks(
    db,
    target.orgId,
    organization.locale as Locale,
    organization.timezone,
  );
  // After the board's own cards: the families add cards about children to it.
  const families = await seedDemoFamilies(
    db,
    target.orgId,
    organization.locale as Locale,
    organization.timezone,
  );
  const pipeline = await seedDemoDeals(db, target.orgId, organization.locale as Locale);
  const connected = await seedDemoClubEvents(db, {
    orgId: target.orgId,
    locale: organization.locale as Locale,
    timezone: organization.timezone,
    sessionSecret: target.sessionSecret,
  });
  return {
    branches: newBranches.length,
    staff: newStaff.length,
    ...tree,
    ...crm,
    ...board,
    ...families,
    ...pipeline,
    ...connected,
  };
}
