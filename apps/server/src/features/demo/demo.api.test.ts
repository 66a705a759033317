import { and, asc, count, eq, gt, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../lib/phones.ts';
import { boardBounds, columnOf } from '../../lib/club-time.ts';
import {
  contactHistory,
  contacts,
  contactStatuses,
  customFields,
  lookups,
  personRelations,
  tasks,
} from '../../schema.ts';
import { demoPhone } from './demo-crm-names.ts';
import type { DealBoard, DealList, GroupTree, Pipeline } from '@spotter/contracts';
import {
  clientFor,
  createTestApp,
  orgBody,
  sessionCookieOf,
  type TestApp,
} from '../../../test/test-app.ts';
import { managedGroupIds } from '../groups/index.ts';
import { seedDemo } from './demo.ts';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function signup(locale: string, timezone: string) {
    const body = orgBody({ timezone });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/signup',
      payload: { ...body, organization: { ...body.organization, locale }, demoData: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cookie = sessionCookieOf(res);
    const me = res.json<{ organization: { id: string }; user: { id: string } }>();
    return { orgId: me.organization.id, ownerId: me.user.id, cookie };
  }

  const db = () => t.database.db;
  /** The demo families' guardians and children (seeded on their own, and tested below). */
  const familyIds = (orgId: string) =>
    sql`(select guardian_id from ${personRelations} where org_id = ${orgId}::uuid
      union select child_id from ${personRelations} where org_id = ${orgId}::uuid)`;
  const notInFamily = (orgId: string) => sql`${contacts.id} not in ${familyIds(orgId)}`;
  const countOf = async (orgId: string, kind: 'person' | 'company') => {
    const [row] = await db()
      .select({ n: count() })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, orgId),
          eq(contacts.kind, kind),
          isNull(contacts.deletedAt),
          // The demo CRM's own, not the persons its connected systems' rules add today.
          lt(contacts.createdAt, new Date(Date.now() - 24 * 3_600_000)),
          notInFamily(orgId),
        ),
      );
    return row!.n;
  };

  it('adds persons and companies with statuses, tags, custom fields and history, once', async () => {
    const org = await signup('pl', 'Europe/Warsaw');
    expect(await countOf(org.orgId, 'person')).toBe(300);
    expect(await countOf(org.orgId, 'company')).toBe(30);

    const persons = await db()
      .select()
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, org.orgId),
          eq(contacts.kind, 'person'),
          // The demo CRM's own, not the trial booker and caller its connected systems add.
          lt(contacts.createdAt, new Date(Date.now() - 24 * 3_600_000)),
          notInFamily(org.orgId),
        ),
      );
    // Polish names, and phones valid in Poland.
    expect(persons.some((p) => /ska$/.test(p.lastName))).toBe(true);
    for (const p of persons) {
      expect(p.phones[0]!.number).toMatch(/^\+48/);
      expect(normalizePhone(p.phones[0]!.number, 'PL').valid).toBe(true);
    }
    expect(new Set(persons.map((p) => p.statusId)).size).toBe(3);
    expect(persons.filter((p) => p.companyId).length).toBeGreaterThan(20);
    expect(persons.filter((p) => p.responsibleId).length).toBeGreaterThan(200);
    expect(persons.filter((p) => p.tagIds.length > 0).length).toBeGreaterThan(50);

    const fields = await db().select().from(customFields).where(eq(customFields.orgId, org.orgId));
    expect(fields.map((f) => [f.name, f.type, f.options.length]).sort()).toEqual([
      ['Karnet', 'dropdown', 3],
      ['Koniec karnetu', 'date', 0],
    ]);
    const withMembership = persons.filter((p) => p.custom[fields[0]!.id] !== undefined);
    expect(withMembership.length).toBeGreaterThan(50);
    const tags = await db()
      .select({ name: lookups.name })
      .from(lookups)
      .where(and(eq(lookups.orgId, org.orgId), eq(lookups.kind, 'tags')));
    expect(tags.map((x) => x.name)).toContain('Trening personalny');

    const [perContact] = await db()
      .select({
        min: sql<number>`min(n)::int`,
        max: sql<number>`max(n)::int`,
        contacts: sql<number>`count(*)::int`,
      })
      .from(
        db()
          .select({ n: count().as('n') })
          .from(contactHistory)
          // The demo board's finished calls add their results to some persons' history, and
          // the connected systems' events theirs (and new persons) as the rules run.
          .where(
            and(
              eq(contactHistory.orgId, org.orgId),
              notInArray(contactHistory.event, [
                'task_result',
                'club_event',
                'deal_created',
                'deal_won',
                'deal_lost',
              ]),
              notInArray(
                contactHistory.contactId,
                db()
                  .select({ id: contacts.id })
                  .from(contacts)
                  .where(
                    and(
                      eq(contacts.orgId, org.orgId),
                      gt(contacts.createdAt, new Date(Date.now() - 10 * 60_000)),
                    ),
                  ),
              ),
              sql`${contactHistory.contactId} not in ${familyIds(org.orgId)}`,
            ),
          )
          .groupBy(contactHistory.contactId)
          .as('h'),
      );
    expect(perContact).toEqual({ min: 1, max: 4, contacts: 330 });

    // Running it again adds nothing.
    const again = await seedDemo(db(), {
      orgId: org.orgId,
      ownerId: org.ownerId,
      sessionSecret: t.app.config.sessionSecret,
    });
    expect(again).toMatchObject({
      persons: 0,
      companies: 0,
      staff: 0,
      groups: 0,
      tasks: 0,
      families: 0,
      deals: 0,
      events: 0,
    });
    expect(await countOf(org.orgId, 'person')).toBe(300);
  });

  it('builds a group tree with the staff in it, managers over the regions', async () => {
    const org = await signup('sv', 'Europe/Stockholm');
    const client = clientFor(t.app, org.cookie);
    const tree = (await client.request('GET', '/api/groups')).json<GroupTree>().items;
    expect(tree.map((g) => [g.name, g.type, g.depth])).toEqual([
      ['Försäljning', 'sales', 0],
      ['Norr', 'sales', 1],
      ['Söder', 'sales', 1],
      ['Reception', 'standard', 0],
    ]);
    const [manager] = tree[0]!.members;
    expect(manager?.role).toBe('manager');
    expect(tree[1]!.members.length).toBeGreaterThan(0);
    expect(tree[2]!.members.length).toBeGreaterThan(0);
    expect(
      (await managedGroupIds(db(), { orgId: org.orgId, userId: manager!.userId })).sort(),
    ).toEqual(
      tree
        .slice(0, 3)
        .map((g) => g.id)
        .sort(),
    );
  });

  it('puts deals on both pipelines: every stage, won and lost with reasons, in groups', async () => {
    const org = await signup('en', 'Europe/Stockholm');
    const client = clientFor(t.app, org.cookie);
    const { items: pipelines } = (await client.request('GET', '/api/pipelines')).json<{
      items: Pipeline[];
    }>();
    expect(pipelines.map((p) => p.name)).toEqual(['Memberships', 'Personal training']);
    for (const pipeline of pipelines) {
      const month = (await client.request('GET', `/api/deals/board?pipelineId=${pipeline.id}`))
        .json<DealBoard>()
        .columns.filter((c) => c.state === 'open');
      expect(
        month.every((c) => c.count > 0),
        pipeline.name,
      ).toBe(true);
      const all = (
        await client.request('GET', `/api/deals?pipelineId=${pipeline.id}&state=all&limit=200`)
      ).json<DealList>().items;
      expect(
        all.some((d) => d.state === 'won'),
        pipeline.name,
      ).toBe(true);
      const lost = all.filter((d) => d.state === 'lost');
      expect(lost.length, pipeline.name).toBeGreaterThan(0);
      expect(lost.every((d) => d.lostReasonId !== null && d.closedAt !== null)).toBe(true);
      expect(all.filter((d) => d.groupId !== null).length).toBeGreaterThan(all.length / 2);
    }
  });

  it('fills the board: cards in every column, finished calls with results, a chain and a round', async () => {
    const org = await signup('sv', 'Europe/Stockholm');
    const rows = await db().select().from(tasks).where(eq(tasks.orgId, org.orgId));
    const b = boardBounds(new Date(), 'Europe/Stockholm');
    const open = rows.filter((r) => r.completedAt === null && r.type !== 'round');
    const columns = new Set(open.map((r) => columnOf(r, b)));
    const expected = ['unsorted', 'overdue', 'today', 'tomorrow', 'later'];
    // "This week" has no days left on a Saturday or Sunday.
    if (b.startDayAfter < b.startNextWeek) expected.push('week');
    // Late in the evening "today" may have no time left either.
    if (b.startTomorrow.getTime() - Date.now() < 30 * 60 * 1000) expected.splice(2, 1);
    for (const column of expected) expect(columns, column).toContain(column);
    const done = rows.filter((r) => r.completedAt !== null && r.parentId === null);
    expect(done.length).toBeGreaterThan(30);
    expect(done.every((r) => r.resultId !== null)).toBe(true);
    const round = rows.find((r) => r.type === 'round')!;
    const calls = rows.filter((r) => r.parentId === round.id);
    expect(calls).toHaveLength(20);
    expect(calls.filter((c) => c.completedAt !== null)).toHaveLength(6);
    expect(rows.some((r) => r.previousId !== null && r.completedAt === null)).toBe(true);
    expect(rows.some((r) => r.private)).toBe(true);
  });

  it('connects a booking system and telephony with months of history, and their rules make cards', async () => {
    const org = await signup('sv', 'Europe/Stockholm');
    const get = async <T>(url: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url,
        cookies: { spotter_session: org.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    const sources = await get<{ items: Array<{ name: string; kind: string }> }>(
      '/api/event-sources',
    );
    expect(sources.items.map((s) => [s.name, s.kind]).sort()).toEqual([
      ['Boknings- och medlemssystem (demo)', 'membership'],
      ['Telefoni (demo)', 'telephony'],
    ]);
    // The server's own job runner works through the events.
    type Log = { items: Array<{ state: string; processedAt: string | null }> };
    let log: Log['items'] = [];
    for (let i = 0; i < 300; i++) {
      log = [];
      let url = '/api/club-events?limit=200';
      for (;;) {
        const page = await get<Log & { nextCursor: string | null }>(url);
        log.push(...page.items);
        if (!page.nextCursor) break;
        url = `/api/club-events?limit=200&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      if (log.every((e) => e.processedAt)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(log.length).toBeGreaterThan(150);
    expect(log.filter((e) => !e.processedAt)).toEqual([]);

    // The members the week's events are about: the club's first customers by name.
    const statuses = await db()
      .select({ id: contactStatuses.id })
      .from(contactStatuses)
      .where(and(eq(contactStatuses.orgId, org.orgId), eq(contactStatuses.entity, 'person')))
      .orderBy(asc(contactStatuses.position));
    const members = await db()
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.orgId, org.orgId), eq(contacts.statusId, statuses[1]!.id)))
      .orderBy(asc(contacts.sortName), asc(contacts.id))
      .limit(4);
    const records = await get<{
      contracts: Array<{ data: Record<string, unknown> }>;
      payments: unknown[];
      visits: unknown[];
    }>(`/api/persons/${members[0]!.id}/club-records`);
    expect(records.contracts[0]!.data).toMatchObject({ kind: 'fixed_term', state: 'active' });
    expect(records.payments.length).toBeGreaterThan(0);
    expect(records.visits.length).toBeGreaterThan(0);

    // Contract ending tomorrow, debt before termination, failed payment, unpaid purchase:
    // each of those members has an open card, and so does the unknown caller; the trial
    // booker is a new prospect (the trial rule makes no card unless a club asks it to).
    const open = await db()
      .select({ contactId: tasks.contactId, statusId: tasks.statusId })
      .from(tasks)
      .where(and(eq(tasks.orgId, org.orgId), isNull(tasks.completedAt)));
    const withCard = new Set(open.map((x) => x.contactId));
    for (const m of members) expect(withCard.has(m.id)).toBe(true);
    const byPhone = async (n: number) => {
      const phone = demoPhone('SE', n);
      const [person] = await db()
        .select({ id: contacts.id, tagIds: contacts.tagIds })
        .from(contacts)
        .where(and(eq(contacts.orgId, org.orgId), sql`${contacts.phoneKeys} @> array[${phone}]`));
      expect(person, phone).toBeDefined();
      return person!;
    };
    const trial = await byPhone(5_500_001);
    const trialHistory = await db()
      .select({ event: contactHistory.event })
      .from(contactHistory)
      .where(and(eq(contactHistory.orgId, org.orgId), eq(contactHistory.contactId, trial.id)));
    expect(trialHistory.map((h) => h.event)).toContain('club_event');
    expect(withCard.has((await byPhone(5_500_002)).id)).toBe(true);
  }, 60_000);

  it('adds families: minors with their guardians, adult siblings, consents by a guardian, cards about children', async () => {
    const org = await signup('ru', 'Europe/Moscow');
    const relations = await db()
      .select()
      .from(personRelations)
      .where(eq(personRelations.orgId, org.orgId));
    const people = new Map(
      (await db().select().from(contacts).where(eq(contacts.orgId, org.orgId))).map((p) => [
        p.id,
        p,
      ]),
    );
    const childIds = [...new Set(relations.map((r) => r.childId))];
    const guardianIds = [...new Set(relations.map((r) => r.guardianId))];
    expect(guardianIds.length).toBeGreaterThanOrEqual(24);
    // Every child has exactly one primary guardian; families have one to three minors.
    for (const id of childIds) {
      expect(relations.filter((r) => r.childId === id && r.isPrimary)).toHaveLength(1);
    }
    const today = new Date().toISOString().slice(0, 10);
    const ageOf = (birth: string) =>
      Number(today.slice(0, 4)) -
      Number(birth.slice(0, 4)) -
      (today.slice(5) < birth.slice(5) ? 1 : 0);
    const ages = childIds.map((id) => ageOf(people.get(id)!.birthDate!));
    expect(ages.filter((a) => a < 18).length).toBeGreaterThanOrEqual(24);
    expect(ages.some((a) => a >= 18)).toBe(true);
    for (const mother of relations.filter((r) => r.isPrimary).map((r) => r.guardianId)) {
      const minors = relations.filter(
        (r) => r.guardianId === mother && ageOf(people.get(r.childId)!.birthDate!) < 18,
      );
      expect(minors.length).toBeGreaterThanOrEqual(1);
      expect(minors.length).toBeLessThanOrEqual(3);
    }
    // Guardians: Russian names, phones valid in Russia; a minor's consent given by a guardian.
    for (const id of guardianIds) {
      const g = people.get(id)!;
      expect(g.firstName).toMatch(/^[А-ЯЁ]/);
      expect(normalizePhone(g.phones[0]!.number, 'RU').valid).toBe(true);
      expect(ageOf(g.birthDate!)).toBeGreaterThanOrEqual(18);
    }
    const consenting = childIds.map((id) => people.get(id)!).filter((c) => c.consentEmail);
    expect(consenting.length).toBeGreaterThan(0);
    expect(
      consenting
        .filter((c) => ageOf(c.birthDate!) < 18)
        .every((c) => guardianIds.includes(c.consentEmailBy!)),
    ).toBe(true);
    const [roles] = await db()
      .select({ n: sql<number>`count(distinct ${personRelations.roleId})::int` })
      .from(personRelations)
      .where(eq(personRelations.orgId, org.orgId));
    expect(roles!.n).toBe(2);
    const childCards = await db()
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          eq(tasks.orgId, org.orgId),
          sql`${tasks.contactId} in (select child_id from ${personRelations} where org_id = ${org.orgId}::uuid)`,
          isNull(tasks.completedAt),
        ),
      );
    expect(childCards.length).toBeGreaterThanOrEqual(6);
  });

  it('speaks the organization’s language with the right phone numbers', async () => {
    for (const [locale, tz, prefix] of [
      ['sv', 'Europe/Stockholm', '+46'],
      ['uk', 'Europe/Kyiv', '+380'],
      ['ru', 'Europe/Moscow', '+7'],
      ['en', 'Europe/London', '+44'],
    ] as const) {
      const org = await signup(locale, tz);
      const [person] = await db()
        .select()
        .from(contacts)
        .where(
          and(eq(contacts.orgId, org.orgId), eq(contacts.kind, 'person'), notInFamily(org.orgId)),
        )
        .limit(1);
      expect(person!.phones[0]!.number.startsWith(prefix), `${locale}`).toBe(true);
      expect(person!.phones[0], `${locale}`).toMatchObject({ valid: true });
    }
  }, 120_000);
});
