import { randomUUID } from 'node:crypto';
import type { Locale } from '@spotter/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boardBounds } from '../../lib/club-time.ts';
import { branches } from '../branches/index.ts';
import { getCrmSettings, lookups } from '../contact-settings/index.ts';
import {
  contacts,
  familyClock,
  linkGuardians,
  personRelations,
  prepareContactValues,
  type ContactInput,
  type GuardianLink,
} from '../contacts/index.ts';
import { seedDemoTaskSettings, taskStatuses } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { random, type Random } from './demo-contacts.ts';
import { DEMO_CRM, demoPhone } from './demo-crm-names.ts';
import { emailLocalPart } from './demo-names.ts';

const FAMILIES = 24;
const DAY = 24 * 60 * 60 * 1000;

/** Why a card about a child is on the board: the call goes to the parent (issue 17). */
const CHILD_REASONS: Record<Locale, string[]> = {
  en: [
    'Trial class for the child: confirm the time with the parent',
    'Parent asked about the children’s group after school',
    'Child missed two classes: call the parent',
    'Term fee for the child not paid yet',
  ],
  sv: [
    'Provpass för barnet: bekräfta tiden med föräldern',
    'Föräldern frågade om barngruppen efter skolan',
    'Barnet har missat två pass: ring föräldern',
    'Terminsavgiften för barnet är inte betald',
  ],
  pl: [
    'Zajęcia próbne dziecka: potwierdzić godzinę z rodzicem',
    'Rodzic pytał o grupę dziecięcą po szkole',
    'Dziecko opuściło dwa zajęcia: zadzwonić do rodzica',
    'Opłata semestralna za dziecko nieopłacona',
  ],
  ru: [
    'Пробное занятие ребёнка: подтвердить время с родителем',
    'Родитель спрашивал о детской группе после школы',
    'Ребёнок пропустил два занятия: позвонить родителю',
    'Оплата за ребёнка за полугодие не внесена',
  ],
  uk: [
    'Пробне заняття дитини: підтвердити час із батьками',
    'Батьки питали про дитячу групу після школи',
    'Дитина пропустила два заняття: зателефонувати батькам',
    'Оплата за дитину за семестр не внесена',
  ],
};

/** An ISO birth date `years` whole years (and some days) before `today`. */
function bornYearsAgo(r: Random, today: string, years: number) {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d) - (1 + r.int(360)) * DAY);
  return date.toISOString().slice(0, 10);
}

/**
 * Families of a children's club (issue 17): a mother (and often a father) with one to three
 * children who are minors on the club's clock, some with an older sibling who is an adult;
 * guardians with phones, emails and consents, the children's marketing consents given by the
 * mother; relations with roles and a primary guardian; and a few cards about children on the
 * board. Names in the organization's language. Runs once: an organization with relations
 * already gets nothing.
 */
export async function seedDemoFamilies(
  db: Db,
  orgId: string,
  locale: Locale,
  timezone: string,
  now = new Date(),
) {
  const [existing] = await db
    .select({ id: personRelations.id })
    .from(personRelations)
    .where(eq(personRelations.orgId, orgId))
    .limit(1);
  if (existing) return { families: 0 };

  const w = DEMO_CRM[locale] ?? DEMO_CRM.en;
  const r = random(`${orgId}:families`);
  const { phoneRegion } = await getCrmSettings(db, orgId);
  const { today } = await familyClock(db, orgId, now);
  const roles = await db
    .select({ id: lookups.id })
    .from(lookups)
    .where(and(eq(lookups.orgId, orgId), eq(lookups.kind, 'relation-roles')))
    .orderBy(asc(lookups.position));
  const [motherRole, fatherRole] = [roles[0]?.id ?? null, roles[1]?.id ?? null];
  const branchIds = (
    await db.select({ id: branches.id }).from(branches).where(eq(branches.orgId, orgId))
  ).map((b) => b.id);
  const women = w.firstNames.filter(([, female]) => female).map(([name]) => name);
  const men = w.firstNames.filter(([, female]) => !female).map(([name]) => name);

  const rows: Array<typeof contacts.$inferInsert & { id: string }> = [];
  const links: GuardianLink[] = [];
  const minors: Array<{ id: string; branchId: string | null }> = [];
  const person = (input: ContactInput, extra: { consentBy?: string } = {}) => {
    const createdAt = new Date(now.getTime() - (5 + r.int(120)) * DAY);
    const v = prepareContactValues('person', input, { region: phoneRegion, now: createdAt });
    const row = {
      ...v,
      id: randomUUID(),
      orgId,
      kind: 'person' as const,
      displayName: v.displayName ?? '',
      sortName: v.sortName ?? '',
      createdAt,
      updatedAt: createdAt,
      ...(extra.consentBy && {
        consentEmailBy: input.consentEmail?.granted ? extra.consentBy : null,
        consentSmsBy: input.consentSms?.granted ? extra.consentBy : null,
      }),
    };
    rows.push(row);
    return row;
  };

  for (let f = 0; f < FAMILIES; f++) {
    const [maleLast, femaleLast] = r.pick(w.lastNames);
    const branchId = branchIds.length ? r.pick(branchIds) : null;
    const parent = (first: string, last: string, n: number) =>
      person({
        firstName: first,
        lastName: last,
        branchId,
        phones: [{ number: demoPhone(phoneRegion, 6_000_000 + n), label: 'mobile' }],
        emails: [
          { email: `${emailLocalPart(`${first} ${last}`)}.f${f}@example.com`, label: 'personal' },
        ],
        birthDate: bornYearsAgo(r, today, 30 + r.int(15)),
        consentEmail: { granted: r.chance(0.8), source: 'Demo' },
        consentSms: { granted: r.chance(0.6), source: 'Demo' },
      });
    const mother = parent(r.pick(women), femaleLast, f * 2);
    const father = r.chance(0.5) ? parent(r.pick(men), maleLast, f * 2 + 1) : null;
    // Youngest last: one to three minors, and now and then an adult older sibling first.
    const ages = Array.from({ length: 1 + r.int(3) }, () => 4 + r.int(13)).sort((a, b) => b - a);
    if (r.chance(0.2)) ages.unshift(18 + r.int(4));
    for (const age of ages) {
      const female = r.chance(0.5);
      const consent = r.chance(0.7);
      const child = person(
        {
          firstName: r.pick(female ? women : men),
          lastName: female ? femaleLast : maleLast,
          branchId,
          birthDate: bornYearsAgo(r, today, age),
          // A teenager may have a phone of their own; a small child never does.
          phones:
            age >= 13 && r.chance(0.5)
              ? [{ number: demoPhone(phoneRegion, 7_000_000 + rows.length), label: 'mobile' }]
              : [],
          consentEmail: { granted: consent, source: 'Demo' },
          consentSms: { granted: consent && r.chance(0.5), source: 'Demo' },
        },
        { consentBy: age < 18 ? mother.id : undefined },
      );
      if (age < 18) minors.push({ id: child.id, branchId });
      links.push({ guardianId: mother.id, childId: child.id, roleId: motherRole, primary: true });
      if (father) {
        links.push({
          guardianId: father.id,
          childId: child.id,
          roleId: fatherRole,
          primary: false,
        });
      }
    }
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 100) {
      await tx.insert(contacts).values(rows.slice(i, i + 100));
    }
    await linkGuardians(tx, orgId, links);
    await seedChildCards(tx, { orgId, locale, timezone, now, r, minors });
  });
  return { families: FAMILIES };
}

/** Open call cards about some children: the board shows the child and dials the parent. */
async function seedChildCards(
  db: Db,
  s: {
    orgId: string;
    locale: Locale;
    timezone: string;
    now: Date;
    r: Random;
    minors: Array<{ id: string; branchId: string | null }>;
  },
) {
  const statuses = await db
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(eq(taskStatuses.orgId, s.orgId))
    .orderBy(asc(taskStatuses.position));
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.orgId, s.orgId), inArray(users.role, ['owner', 'admin', 'sales', 'reception'])),
    );
  if (statuses.length === 0 || staff.length === 0 || s.minors.length === 0) return;
  const { templates } = await seedDemoTaskSettings(db, s.orgId, s.locale);
  const reasons = CHILD_REASONS[s.locale] ?? CHILD_REASONS.en;
  const b = boardBounds(s.now, s.timezone);
  const span = b.startDayAfter.getTime() - b.startToday.getTime();
  await db.insert(tasks).values(
    s.minors.slice(0, 8).map((child, i) => ({
      orgId: s.orgId,
      type: 'call' as const,
      templateId: templates.personalCall,
      contactId: child.id,
      assigneeId: s.r.pick(staff).id,
      creatorId: s.r.pick(staff).id,
      comment: reasons[i % reasons.length]!,
      // Today and tomorrow, on a quarter hour.
      dueAt: new Date(
        b.startToday.getTime() +
          Math.floor((s.r.next() * span) / (15 * 60 * 1000)) * 15 * 60 * 1000,
      ),
      statusId: s.r.pick(statuses).id,
      branchId: child.branchId,
      createdAt: new Date(s.now.getTime() - s.r.int(5 * DAY)),
    })),
  );
}
