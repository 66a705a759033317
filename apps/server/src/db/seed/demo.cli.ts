/**
 * `npm run demo`: fills Spotter with a believable club. On a fresh install it creates the
 * organization and its owner first and prints how to log in; otherwise it adds branches and
 * staff to the organization that exists (or the one named by --org when there are several).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { asc } from 'drizzle-orm';
import { openDatabase } from '../client.ts';
import { DataDirLockedError } from '../dir-lock.ts';
import { createOrganization, organizations } from '../../features/organizations/index.ts';
import { users } from '../../features/users/index.ts';
import { loadConfig } from '../../plugins/env.ts';
import { seedDemo } from './demo.ts';

async function main() {
  const { values } = parseArgs({ options: { org: { type: 'string' } } });
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const db = database.db;
    const orgs = await db
      .select()
      .from(organizations)
      .orderBy(asc(organizations.createdAt))
      .limit(2);
    let orgId = values.org;
    let login: { email: string; password: string } | undefined;
    if (!orgId && orgs.length === 0) {
      const password = randomBytes(9).toString('base64url');
      const email = 'owner@demo.spotter.invalid';
      const { organization } = await createOrganization(
        db,
        {
          organization: {
            name: 'Riverside Fitness & Dance',
            timezone: 'Europe/Stockholm',
            locale: 'en',
            currency: 'SEK',
          },
          owner: { name: 'Demo Owner', email, password },
        },
        true,
      );
      orgId = organization.id;
      login = { email, password };
    } else if (!orgId) {
      if (orgs.length > 1) {
        throw new Error('There are several organizations: name one with --org <id>.');
      }
      orgId = orgs[0]!.id;
    }
    const owner = await db.query.users.findFirst({
      where: (u, { and, eq }) => and(eq(u.orgId, orgId!), eq(u.role, 'owner')),
      orderBy: asc(users.createdAt),
    });
    if (!owner) throw new Error(`Organization ${orgId} not found or has no owner.`);
    const result = await seedDemo(db, { orgId, ownerId: owner.id });
    console.log(
      `Demo data added: ${result.branches} new branches, ${result.staff} new staff members.`,
    );
    if (login) {
      console.log(
        `\nLog in at http://localhost:${config.port} with\n  email:    ${login.email}\n  password: ${login.password}\n`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(
      `\n${err.message}\nStop the server first, or use the demo checkbox on the first-run page.\n`,
    );
  } else {
    console.error(err instanceof Error ? err.message : err);
  }
  process.exit(1);
});
