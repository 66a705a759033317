import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contactHistory, contacts } from '../contacts/index.ts';
import {
  seedDemoTaskSettings,
  taskResults,
  taskStatuses,
  taskTemplates,
} from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';
import { users } from '../users/index.ts';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  applyDueOffset,
  boardBounds,
  DEFAULT_WORKING_HOURS,
  startOfWorkday,
} from '../../lib/club-time.ts';
import { random, type Random } from './demo-contacts.ts';
import { DEMO_TASK_WORDS } from './demo-task-words.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

type TaskInsert = typeof tasks.$inferInsert;

interface Person {
  id: string;
  responsibleId: string | null;
  branchId: string | null;
}

/** A time within [from, to), on a quarter hour between 08:00 and 20:00 UTC-ish club hours. */
function timeBetween(r: Random, from: Date, to: Date): Date {
  const span = Math.max(to.getTime() - from.getTime(), 15 * 60 * 1000);
  const t = from.getTime() + r.int(Math.floor(span / (15 * 60 * 1000))) * 15 * 60 * 1000;
  return new Date(Math.min(t, to.getTime() - 60_000));
}

/**
 * A board full of cards (issue 4): open tasks in every column, a few unsorted, finished calls
 * with their results in the persons' history, a workflow chain, and a call round in progress.
 * Runs once per organization: when it has tasks already, nothing is added.
 */
export async function seedDemoTasks(
  db: Db,
  orgId: string,
  locale: Locale,
  timezone: string,
  now = new Date(),
) {
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(eq(tasks.orgId, orgId));
  if ((existing?.n ?? 0) > 0) return { tasks: 0 };

  const settings = await seedDemoTaskSettings(db, orgId, locale);
  const words = DEMO_TASK_WORDS[locale] ?? DEMO_TASK_WORDS.en;
  const r = random(`${orgId}:tasks`);
  const statuses = await db
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(eq(taskStatuses.orgId, orgId))
    .orderBy(asc(taskStatuses.position));
  const staff = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        inArray(users.role, ['owner', 'admin', 'manager', 'sales', 'reception']),
      ),
    );
  const persons: Person[] = await db
    .select({ id: contacts.id, responsibleId: contacts.responsibleId, branchId: contacts.branchId })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.kind, 'person')))
    .orderBy(asc(contacts.createdAt))
    .limit(300);
  if (staff.length === 0 || persons.length === 0 || statuses.length === 0) return { tasks: 0 };

  const t = settings.templates;
  const callTemplates = [t.personalCall, t.personalCall, t.personalCall, t.checkPurchase];
  const frontDesk = staff.filter((s) => s.role !== 'owner');
  const pickStaff = () => r.pick(frontDesk.length ? frontDesk : staff).id;
  const b = boardBounds(now, timezone);
  const rows: TaskInsert[] = [];
  let personIndex = 0;
  const nextPerson = () => persons[personIndex++ % persons.length]!;

  // Whoever tries the demo logs in as the owner: some cards are theirs, so "My tasks" and the
  // badge have something to show.
  const owner = staff.find((s) => s.role === 'owner') ?? staff[0]!;
  const card = (dueAt: Date | null, statusId: string | null): TaskInsert => {
    const person = nextPerson();
    const assigneeId = r.chance(0.2) ? owner.id : (person.responsibleId ?? pickStaff());
    const remind = dueAt && dueAt.getTime() - 15 * 60 * 1000 > now.getTime() && r.chance(0.3);
    return {
      orgId,
      type: r.chance(0.2) ? 'client' : 'call',
      templateId: r.chance(0.2) ? t.sendInformation : r.pick(callTemplates),
      contactId: person.id,
      assigneeId,
      creatorId: pickStaff(),
      comment: r.pick(words.reasons),
      dueAt,
      remindAt: remind ? new Date(dueAt.getTime() - 15 * 60 * 1000) : null,
      statusId,
      branchId: person.branchId,
      createdAt: new Date(now.getTime() - r.int(10 * DAY) - HOUR),
    };
  };
  const status = () => r.pick(statuses).id;
  // Card types follow their template: "Send information" is a client task, the rest calls.
  const fixType = (row: TaskInsert): TaskInsert => ({
    ...row,
    type: row.templateId === t.sendInformation ? 'client' : 'call',
  });

  for (let i = 0; i < 8; i++)
    rows.push(fixType(card(timeBetween(r, b.now, b.startDayAfter), null)));
  for (let i = 0; i < 10; i++) {
    rows.push(fixType(card(timeBetween(r, new Date(now.getTime() - 4 * DAY), b.now), status())));
  }
  for (let i = 0; i < 10; i++) {
    const from = new Date(now.getTime() + 10 * 60 * 1000);
    rows.push(fixType(card(timeBetween(r, from, b.startTomorrow), status())));
  }
  for (let i = 0; i < 10; i++) {
    rows.push(fixType(card(timeBetween(r, b.startTomorrow, b.startDayAfter), status())));
  }
  if (b.startDayAfter.getTime() < b.startNextWeek.getTime()) {
    for (let i = 0; i < 8; i++) {
      rows.push(fixType(card(timeBetween(r, b.startDayAfter, b.startNextWeek), status())));
    }
  }
  const laterFrom = new Date(Math.max(b.startNextWeek.getTime(), b.startDayAfter.getTime()));
  for (let i = 0; i < 14; i++) {
    const to = new Date(laterFrom.getTime() + 21 * DAY);
    rows.push(fixType(card(timeBetween(r, laterFrom, to), status())));
  }
  // Internal to-dos: the club's own work, one of them the owner's private note.
  words.internal.forEach((comment, i) => {
    rows.push({
      orgId,
      type: 'internal',
      templateId: i === 2 ? t.monthlyReport : t.orderWater,
      assigneeId: i === 2 ? owner.id : pickStaff(),
      creatorId: owner.id,
      comment,
      dueAt: timeBetween(r, b.startToday, new Date(now.getTime() + 5 * DAY)),
      statusId: statuses[0]!.id,
      private: i === 2,
    });
  });
  const open = await db.insert(tasks).values(rows).returning({ id: tasks.id });

  const done = await seedFinishedCalls(db, {
    orgId,
    timezone,
    now,
    r,
    settings,
    words,
    pickStaff,
    nextPerson,
  });
  const round = await seedRound(db, {
    ...{ orgId, timezone, now, r, settings, words, pickStaff, nextPerson, b },
    statusId: statuses[0]!.id,
  });
  return { tasks: open.length + done + round };
}

interface SeedContext {
  orgId: string;
  timezone: string;
  now: Date;
  r: Random;
  settings: Awaited<ReturnType<typeof seedDemoTaskSettings>>;
  words: (typeof DEMO_TASK_WORDS)['en'];
  pickStaff: () => string;
  nextPerson: () => Person;
}

const OUTCOMES = [
  'bookedTrial',
  'informationSent',
  'thinking',
  'notRelevant',
  'boughtMembership',
  'conditionalRefusal',
] as const;

/** Result field values a finished demo call carries, by the result it ended with. */
function fieldsFor(
  outcome: (typeof OUTCOMES)[number],
  s: SeedContext,
  at: Date,
): Record<string, string> {
  const day = new Date(at.getTime() + 3 * DAY).toISOString().slice(0, 10);
  if (outcome === 'bookedTrial') return { [s.settings.fields.trialDate]: day };
  if (outcome === 'conditionalRefusal') {
    return { [s.settings.fields.refusalReason]: s.r.pick(s.settings.refusalOptions) };
  }
  return {};
}

/** Calls finished over the last two weeks, each with a result and its history entry. */
async function seedFinishedCalls(db: Db, s: SeedContext): Promise<number> {
  const resultNames = new Map(
    (
      await db
        .select({ id: taskResults.id, name: taskResults.name })
        .from(taskResults)
        .where(eq(taskResults.orgId, s.orgId))
    ).map((x) => [x.id, x.name]),
  );
  const [call] = await db
    .select({ name: taskTemplates.name })
    .from(taskTemplates)
    .where(
      and(
        eq(taskTemplates.orgId, s.orgId),
        eq(taskTemplates.id, s.settings.templates.personalCall),
      ),
    );
  const rows: TaskInsert[] = [];
  for (let i = 0; i < 36; i++) {
    const outcome = s.r.pick(OUTCOMES);
    const person = s.nextPerson();
    const completedAt = new Date(s.now.getTime() - s.r.int(14 * DAY) - HOUR);
    const by = person.responsibleId ?? s.pickStaff();
    rows.push({
      orgId: s.orgId,
      type: 'call',
      templateId: s.settings.templates.personalCall,
      contactId: person.id,
      assigneeId: by,
      creatorId: by,
      comment: s.r.pick(s.words.reasons),
      dueAt: completedAt,
      statusId: null,
      resultId: s.settings.results[outcome],
      resultFields: fieldsFor(outcome, s, completedAt),
      resultComment: s.r.pick(s.words.resultComments),
      completedAt,
      completedById: by,
      branchId: person.branchId,
      createdAt: new Date(completedAt.getTime() - DAY),
    });
  }
  const inserted = await db.insert(tasks).values(rows).returning();
  await db.insert(contactHistory).values(
    inserted.map((task) => ({
      orgId: s.orgId,
      contactId: task.contactId!,
      event: 'task_result',
      text: task.resultComment,
      data: {
        taskId: task.id,
        template: call?.name ?? '',
        result: resultNames.get(task.resultId!) ?? '',
        fields: [],
      },
      authorId: task.completedById,
      createdAt: task.completedAt!,
    })),
  );
  return inserted.length + (await seedChain(db, s));
}

/**
 * Seed 004's chain: "going to buy" yesterday, planned for that same day, so "check the
 * purchase" (two days after the planned date, as the workflow counts) is due tomorrow.
 */
async function seedChain(db: Db, s: SeedContext): Promise<number> {
  const person = s.nextPerson();
  const by = person.responsibleId ?? s.pickStaff();
  const completedAt = new Date(s.now.getTime() - DAY);
  const planned = format(new TZDate(completedAt.getTime(), s.timezone), 'yyyy-MM-dd');
  const hours = DEFAULT_WORKING_HOURS;
  const checkAt = applyDueOffset(
    startOfWorkday(planned, s.timezone, hours),
    { unit: 'days', amount: 2 },
    s.timezone,
    hours,
  );
  const [first] = await db
    .insert(tasks)
    .values({
      orgId: s.orgId,
      type: 'call',
      templateId: s.settings.templates.personalCall,
      contactId: person.id,
      assigneeId: by,
      creatorId: by,
      comment: s.words.reasons[3]!,
      dueAt: completedAt,
      resultId: s.settings.results.goingToBuy,
      resultFields: { [s.settings.fields.expectedPurchaseDate]: planned },
      completedAt,
      completedById: by,
      branchId: person.branchId,
      createdAt: new Date(completedAt.getTime() - 2 * HOUR),
    })
    .returning();
  const [status] = await db
    .select({ id: taskStatuses.id })
    .from(taskStatuses)
    .where(eq(taskStatuses.orgId, s.orgId))
    .orderBy(asc(taskStatuses.position))
    .limit(1);
  await db.insert(tasks).values({
    orgId: s.orgId,
    type: 'call',
    templateId: s.settings.templates.checkPurchase,
    contactId: person.id,
    assigneeId: by,
    creatorId: by,
    dueAt: checkAt,
    statusId: status?.id ?? null,
    previousId: first!.id,
    chainDepth: 1,
    branchId: person.branchId,
    createdAt: completedAt,
  });
  return 2;
}

/** A call round over 20 former members, 6 of them already called. */
async function seedRound(
  db: Db,
  s: SeedContext & { b: ReturnType<typeof boardBounds>; statusId: string },
): Promise<number> {
  const manager = s.pickStaff();
  const dueAt = new Date(s.b.startDayAfter.getTime() + 10 * HOUR);
  const [round] = await db
    .insert(tasks)
    .values({
      orgId: s.orgId,
      type: 'round',
      templateId: s.settings.templates.callFormerMembers,
      assigneeId: manager,
      creatorId: manager,
      comment: s.words.round,
      dueAt,
      createdAt: new Date(s.now.getTime() - 2 * DAY),
    })
    .returning();
  const outcomes = ['thinking', 'bookedTrial', 'notRelevant', 'thinking', 'boughtMembership'];
  const calls: TaskInsert[] = [];
  for (let i = 0; i < 20; i++) {
    const person = s.nextPerson();
    const outcome = i < 6 ? (outcomes[i % outcomes.length] as (typeof OUTCOMES)[number]) : null;
    const completedAt = outcome ? new Date(s.now.getTime() - s.r.int(DAY) - HOUR) : null;
    calls.push({
      orgId: s.orgId,
      type: 'call',
      templateId: s.settings.templates.personalCall,
      contactId: person.id,
      assigneeId: manager,
      creatorId: manager,
      comment: s.words.round,
      dueAt,
      statusId: s.statusId,
      parentId: round!.id,
      resultId: outcome ? s.settings.results[outcome] : null,
      resultFields: outcome && completedAt ? fieldsFor(outcome, s, completedAt) : {},
      completedAt,
      completedById: outcome ? manager : null,
      branchId: person.branchId,
      createdAt: round!.createdAt,
    });
  }
  await db.insert(tasks).values(calls);
  return 21;
}
