/**
 * `npm run demo`: fills Spotter with a believable club. On a fresh install it creates the
 * organization and its owner first and prints how to log in; otherwise it adds branches and
 * staff to the organization that exists (or the one named by --org when there are several).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { and, asc, eq, like } from 'drizzle-orm';
import { ROLES } from '@spotter/contracts';
import { openDatabase, type Db } from './db/client.ts';
import { DataDirLockedError } from './db/dir-lock.ts';
import { createOrganization } from './features/auth/index.ts';
import { seedDemo } from './features/demo/index.ts';
import { organizations } from './features/organizations/index.ts';
import {
  generateTemporaryPassword,
  hashPassword,
  updateUserRow,
  users,
} from './features/users/index.ts';
import { serverFeatures, wireFeatures } from './features.ts';
import { loadConfig } from './plugins/env.ts';

async function main() {
  const { values } = parseArgs({ options: { org: { type: 'string' } } });
  const config = loadConfig();
  // A new organization gets its default statuses and templates through the features' hooks.
  wireFeatures(serverFeatures());
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
    const [owner] = await db
      .select()
      .from(users)
      .where(and(eq(users.orgId, orgId!), eq(users.role, 'owner')))
      .orderBy(asc(users.createdAt))
      .limit(1);
    if (!owner) throw new Error(`Organization ${orgId} not found or has no owner.`);
    const result = await seedDemo(db, {
      orgId,
      ownerId: owner.id,
      sessionSecret: config.sessionSecret,
    });
    console.log(
      `Demo data added: ${result.branches} new branches, ${result.staff} new staff members, ` +
        `${result.persons} persons, ${result.companies} companies, ${result.tasks} tasks.`,
    );
    if (login) {
      console.log(
        `\nLog in at http://localhost:${config.port} with\n  email:    ${login.email}\n  password: ${login.password}\n`,
      );
    }
    const logins = await resetOneLoginPerRole(db, orgId);
    if (logins.length > 0) {
      console.log('\nTry each role with these temporary passwords (changed at first login):');
      for (const l of logins) console.log(`  ${l.role.padEnd(10)} ${l.email}  ${l.password}`);
    }
  } finally {
    await database.close();
  }
}

/**
 * Only the CLI does this (the first-run page's demo checkbox does not): a demo staff member
 * per role gets a new temporary password, printed once, so each role can be tried.
 */
async function resetOneLoginPerRole(db: Db, orgId: string) {
  const staff = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.active, true),
        like(users.email, '%@demo.spotter.invalid'),
      ),
    )
    .orderBy(asc(users.createdAt));
  const out: Array<{ role: string; email: string; password: string }> = [];
  for (const role of ROLES) {
    const member = staff.find((u) => u.role === role && role !== 'owner');
    if (!member) continue;
    const password = generateTemporaryPassword();
    await updateUserRow(db, orgId, member.id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    out.push({ role, email: member.email, password });
  }
  return out;
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
