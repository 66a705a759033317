import type { Locale } from '@spotter/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactHistory, contacts } from '../contacts/index.ts';
import { dealHistory, dealListItems, deals, dealStages, pipelines } from '../deals/index.ts';
import { groupMembers } from '../groups/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { users } from '../users/index.ts';
import { random } from './demo-contacts.ts';

const DAY = 24 * 3600 * 1000;

/** What the club sells, by pipeline: memberships, then personal training. */
const TITLES: Record<Locale, [string[], string[]]> = {
  en: [
    ['Gold membership, 12 months', 'Off-peak card', 'Student membership', 'Family membership'],
    ['PT package, 10 sessions', 'PT package, 5 sessions', 'PT start-up package'],
  ],
  sv: [
    ['Guldmedlemskap, 12 månader', 'Dagkort lågtrafik', 'Studentmedlemskap', 'Familjemedlemskap'],
    ['PT-paket, 10 pass', 'PT-paket, 5 pass', 'PT-startpaket'],
  ],
  pl: [
    ['Karnet złoty, 12 miesięcy', 'Karnet poranny', 'Karnet studencki', 'Karnet rodzinny'],
    ['Pakiet PT, 10 treningów', 'Pakiet PT, 5 treningów', 'Pakiet PT na start'],
  ],
  ru: [
    [
      'Золотой абонемент, 12 месяцев',
      'Дневная карта',
      'Студенческий абонемент',
      'Семейный абонемент',
    ],
    ['Пакет PT, 10 тренировок', 'Пакет PT, 5 тренировок', 'Стартовый пакет PT'],
  ],
  uk: [
    [
      'Золотий абонемент, 12 місяців',
      'Денна картка',
      'Студентський абонемент',
      'Сімейний абонемент',
    ],
    ['Пакет PT, 10 тренувань', 'Пакет PT, 5 тренувань', 'Стартовий пакет PT'],
  ],
};

/** Amounts in minor units: memberships 2 990–9 990, PT packages 2 500–12 000. */
const AMOUNTS: [number[], number[]] = [
  [799_000, 399_000, 299_000, 999_000],
  [1_200_000, 650_000, 250_000],
];

/**
 * Deals on the two default pipelines (issue 14): open ones across every stage, and won and lost
 * ones of the last two months with their reasons, owned by the sales staff in their groups,
 * with their history on the deal and on the person. Runs once: an organization with deals is
 * left alone.
 */
export async function seedDemoDeals(db: Db, orgId: string, locale: Locale, now = new Date()) {
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(deals)
    .where(eq(deals.orgId, orgId));
  if ((existing?.n ?? 0) > 0) return { deals: 0 };
  const org = await findOrganization(db, orgId);
  const pipelineRows = await db
    .select()
    .from(pipelines)
    .where(eq(pipelines.orgId, orgId))
    .orderBy(asc(pipelines.position))
    .limit(2);
  if (!org || pipelineRows.length === 0) return { deals: 0 };
  const stages = await db
    .select()
    .from(dealStages)
    .where(eq(dealStages.orgId, orgId))
    .orderBy(asc(dealStages.position));
  const items = await db.select().from(dealListItems).where(eq(dealListItems.orgId, orgId));
  const reasons = items.filter((i) => i.kind === 'lost-reasons');
  const types = items.filter((i) => i.kind === 'types');
  const sellers = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.role, ['sales', 'manager'])));
  const memberships = await db
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
    .from(groupMembers)
    .where(eq(groupMembers.orgId, orgId));
  const persons = await db
    .select({ id: contacts.id, branchId: contacts.branchId })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.kind, 'person')))
    .orderBy(asc(contacts.id))
    .limit(200);
  if (persons.length === 0 || sellers.length === 0) return { deals: 0 };

  const r = random(`${orgId}:deals`);
  const words = TITLES[locale] ?? TITLES.en;
  const rows: (typeof deals.$inferInsert)[] = [];
  for (const [p, pipeline] of pipelineRows.entries()) {
    const mine = stages.filter((s) => s.pipelineId === pipeline.id);
    const open = mine.filter((s) => s.state === 'open');
    const closed = mine.filter((s) => s.state !== 'open');
    const count = p === 0 ? 45 : 18;
    for (let i = 0; i < count; i++) {
      const person = persons[(i * 7 + p * 31) % persons.length]!;
      const seller = r.pick(sellers);
      const titleIndex = r.int(words[p === 0 ? 0 : 1].length);
      const isClosed = i % 4 === 3 && closed.length > 0;
      const stage = isClosed ? closed[(i >> 2) % closed.length]! : open[i % open.length]!;
      const createdAt = new Date(now.getTime() - (10 + r.int(80)) * DAY);
      const closedAt = isClosed
        ? new Date(Math.min(now.getTime() - DAY, createdAt.getTime() + (3 + r.int(40)) * DAY))
        : null;
      const expected = new Date(now.getTime() + (r.int(75) - 10) * DAY).toISOString().slice(0, 10);
      const lost = stage.state === 'lost';
      rows.push({
        orgId,
        title: words[p === 0 ? 0 : 1][titleIndex]!,
        personId: person.id,
        amount: AMOUNTS[p === 0 ? 0 : 1][titleIndex]!,
        currency: org.currency,
        expectedCloseDate: isClosed ? null : expected,
        ownerId: seller.id,
        groupId: memberships.find((m) => m.userId === seller.id)?.groupId ?? null,
        branchId: person.branchId,
        typeId: types.length > 0 ? types[i % 5 === 0 ? 1 : 0]!.id : null,
        pipelineId: pipeline.id,
        stageId: stage.id,
        probability: stage.probability,
        lostReasonId: lost && reasons.length > 0 ? r.pick(reasons).id : null,
        closedAt,
        createdById: seller.id,
        createdAt,
        updatedAt: closedAt ?? new Date(createdAt.getTime() + r.int(8) * DAY),
      });
    }
  }
  const inserted = await db.insert(deals).values(rows).returning();
  const stageOf = new Map(stages.map((s) => [s.id, s]));
  const reasonOf = new Map(reasons.map((x) => [x.id, x.name]));
  await db.insert(dealHistory).values(
    inserted.flatMap((d) => {
      const stage = stageOf.get(d.stageId)!;
      const created = {
        orgId,
        dealId: d.id,
        event: 'created',
        authorId: d.createdById,
        createdAt: d.createdAt,
        data: { toStageId: d.stageId, toStageName: stage.name },
      };
      if (!d.closedAt) return [created];
      return [
        created,
        {
          orgId,
          dealId: d.id,
          event: stage.state,
          authorId: d.ownerId,
          createdAt: d.closedAt,
          data: {
            toStageId: d.stageId,
            toStageName: stage.name,
            ...(d.lostReasonId && { lostReasonName: reasonOf.get(d.lostReasonId) ?? null }),
          },
        },
      ];
    }),
  );
  await db.insert(contactHistory).values(
    inserted.flatMap((d) => {
      const stage = stageOf.get(d.stageId)!;
      const data = { dealId: d.id, title: d.title, stageId: d.stageId, stageName: stage.name };
      const created = {
        orgId,
        contactId: d.personId!,
        event: 'deal_created',
        text: '',
        authorId: d.createdById,
        createdAt: d.createdAt,
        data,
      };
      if (!d.closedAt) return [created];
      const reason = d.lostReasonId ? reasonOf.get(d.lostReasonId) : undefined;
      return [
        created,
        {
          orgId,
          contactId: d.personId!,
          event: stage.state === 'won' ? 'deal_won' : 'deal_lost',
          text: '',
          authorId: d.ownerId,
          createdAt: d.closedAt,
          data: { ...data, ...(reason && { lostReasonName: reason }) },
        },
      ];
    }),
  );
  return { deals: inserted.length };
}
