import type { Home, HomeMy, HomePipeline, HomeTeam } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { actorCan, type Actor } from '../../lib/actor.ts';
import { boardBounds, clubDate, type BoardBounds } from '../../lib/club-time.ts';
import { dealVisibility } from '../deals/index.ts';
import { taskVisibility } from '../tasks/index.ts';
import * as repo from './home.repo.ts';
import { clubMonth } from './home-month.ts';

export interface HomeOrganization {
  timezone: string;
  currency: string;
}

/**
 * `GET /api/home` (S-6): the blocks the caller may see, each counted as its list counts it.
 * Own work needs tasks.read; the team's numbers reports.read; the pipeline deals.read too.
 */
export async function getHome(db: Db, actor: Actor, org: HomeOrganization, now: Date) {
  const bounds = boardBounds(now, org.timezone);
  const home: Home = { today: clubDate(now, org.timezone), timezone: org.timezone };
  const reports = actorCan(actor, 'reports.read');
  const visibleTasks =
    actorCan(actor, 'tasks.read') || reports ? await taskVisibility(db, actor) : undefined;
  const [my, team, pipeline] = await Promise.all([
    visibleTasks && actor.userId && actorCan(actor, 'tasks.read')
      ? myBlock(db, actor, visibleTasks, actor.userId, bounds)
      : undefined,
    visibleTasks && reports ? teamBlock(db, actor, visibleTasks, bounds) : undefined,
    reports && actorCan(actor, 'deals.read') ? pipelineBlock(db, actor, org, now) : undefined,
  ]);
  if (my) home.my = my;
  if (team) home.team = team;
  if (pipeline) home.pipeline = pipeline;
  return home;
}

async function myBlock(
  db: Db,
  actor: Actor,
  visible: Awaited<ReturnType<typeof taskVisibility>>,
  userId: string,
  b: BoardBounds,
): Promise<HomeMy> {
  const [counts, next, waiting] = await Promise.all([
    repo.myTaskCounts(db, visible, userId, b),
    repo.myNextTasks(db, visible, userId),
    actorCan(actor, 'contacts.read') ? repo.waitingLeads(db, actor.orgId) : { count: 0, items: [] },
  ]);
  return {
    ...counts,
    next: next.map((t) => ({
      id: t.id,
      type: t.type,
      templateName: t.templateName,
      contact: t.contactId ? { id: t.contactId, name: t.contactName ?? '' } : null,
      comment: t.comment,
      dueAt: t.dueAt?.toISOString() ?? null,
      overdue: t.dueAt !== null && t.dueAt < b.now,
    })),
    waitingLeads: waiting.count,
    waiting: waiting.items.map((w) => ({ ...w, waitingSince: w.waitingSince.toISOString() })),
  };
}

async function teamBlock(
  db: Db,
  actor: Actor,
  visible: Awaited<ReturnType<typeof taskVisibility>>,
  b: BoardBounds,
): Promise<HomeTeam> {
  const persons = actorCan(actor, 'contacts.read');
  const [tasks, newLeads, trials] = await Promise.all([
    repo.teamTaskCounts(db, visible, b),
    persons ? repo.newPersons(db, actor.orgId, b) : 0,
    persons ? repo.trialsToday(db, actor.orgId, b) : [],
  ]);
  return {
    overdue: tasks.overdue,
    doneToday: tasks.results.reduce((sum, r) => sum + r.count, 0),
    results: tasks.results,
    newLeads,
    trials: trials.length,
    trialList: trials.map((t) => ({ ...t, startsAt: t.startsAt.toISOString() })),
  };
}

async function pipelineBlock(
  db: Db,
  actor: Actor,
  org: HomeOrganization,
  now: Date,
): Promise<HomePipeline> {
  const thisMonth = clubMonth(now, org.timezone, 0);
  const nextMonth = clubMonth(now, org.timezone, 1);
  const money = await repo.pipelineSums(db, actor.orgId, await dealVisibility(db, actor), {
    thisMonth,
    nextMonth,
  });
  // The organization's currency first, then the others by name.
  money.sort((a, b) =>
    a.currency === org.currency
      ? -1
      : b.currency === org.currency
        ? 1
        : a.currency < b.currency
          ? -1
          : 1,
  );
  if (!money.some((m) => m.currency === org.currency)) {
    money.unshift({
      currency: org.currency,
      open: 0,
      openCount: 0,
      weighted: 0,
      thisMonth: 0,
      nextMonth: 0,
      wonThisMonth: 0,
    });
  }
  return { thisMonth: thisMonth.month, nextMonth: nextMonth.month, money };
}
