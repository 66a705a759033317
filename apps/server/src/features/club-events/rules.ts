import { randomUUID } from 'node:crypto';
import {
  TOKEN_PERMISSIONS,
  type ClubRule,
  type ClubRuleConfig,
  type EventMember,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  clubDate,
  dueOnDay,
  startOfClubDay,
  startOfWorkday,
  type WorkingHours,
} from '../../lib/club-time.ts';
import { updateContactFields } from '../contacts/index.ts';
import {
  createAutomationTasks,
  defaultTemplateOf,
  firstStatusId,
  liveContactsOf,
  updateAutomationTasks,
  type AutomationTaskInput,
  type TaskCtx,
  type TemplateRow,
} from '../tasks/index.ts';
import * as repo from './rules.repo.ts';

/** Everything a rule needs to know about the event being processed. */
export interface RuleCtx {
  db: Db;
  orgId: string;
  now: Date;
  timezone: string;
  /** The club's working day: a card for today is due by its end. */
  hours: WorkingHours;
  locale: string;
  rules: Record<ClubRule, ClubRuleConfig>;
  steps: Array<Record<string, unknown> & { step: string }>;
  contactId: string | null;
  /** Cards asked for and not yet written (`writeRuleCards`), shared by a batch's events. */
  cards: CardPlan[];
}

/** What rules do, they do as the organization's integration, not as a member of staff. */
export const systemActor = (orgId: string): Actor => ({
  orgId,
  userId: null,
  role: null,
  via: 'token',
  // What an integration's token could always do (decision 0028 keeps it for the rules).
  permissions: TOKEN_PERMISSIONS,
});

const MINUTE = 60_000;

/**
 * When a rule's card is due: the moment it is about plus the rule's offset, at the rule's time
 * of day on the club's clock when it has one. A moment already past makes a card for today,
 * due by the end of the working day (as a call round made for today is), not one that is
 * overdue the minute it appears.
 */
export function ruleDue(
  moment: Date,
  cfg: ClubRuleConfig,
  timezone: string,
  hours: WorkingHours,
  now: Date,
): Date {
  let due = new Date(moment.getTime() + cfg.offsetMinutes * MINUTE);
  if (cfg.timeOfDay) {
    const [at, start] = [due, cfg.timeOfDay];
    due = onClock(`workday|${at.getTime()}|${timezone}|${start}`, () =>
      startOfWorkday(clubDate(at, timezone), timezone, { start, end: null }),
    );
  }
  return due.getTime() <= now.getTime()
    ? onClock(`today|${now.getTime()}|${timezone}|${hours.start}|${hours.end}`, () =>
        dueOnDay(clubDate(now, timezone), timezone, hours, now),
      )
    : due;
}

/**
 * The club clock's answers (pure functions of their key), kept for the next event that asks:
 * a batch's events share one "now", and a source names the same few days again and again,
 * while each answer costs several time-zone conversions.
 */
const clockAnswers = new Map<string, number | string>();
const CLOCK_ANSWERS = 1000;

function remembered<T extends number | string>(key: string, compute: () => T): T {
  let answer = clockAnswers.get(key) as T | undefined;
  if (answer === undefined) {
    if (clockAnswers.size >= CLOCK_ANSWERS) clockAnswers.clear();
    answer = compute();
    clockAnswers.set(key, answer);
  }
  return answer;
}

/** An instant on the club clock, remembered by `key`; a fresh Date for each caller. */
const onClock = (key: string, compute: () => Date) =>
  new Date(remembered(key, () => compute().getTime()));

/** The club's calendar day at `now` ("2026-12-07"). */
export const clubToday = (now: Date, timezone: string) =>
  remembered(`date|${now.getTime()}|${timezone}`, () => clubDate(now, timezone));

/** The start of a club calendar day named by a source ("2026-12-31"). */
export const dayStart = (isoDay: string, timezone: string) =>
  onClock(`day|${isoDay}|${timezone}`, () => startOfClubDay(isoDay, timezone));

/** A card a rule asked for while its event ran; written with the batch's others. */
export interface CardPlan {
  rule: ClubRule;
  cause: string;
  contactId: string;
  due: Date;
  comment: string;
  unsorted: boolean;
  /** The event's log step, filled in once the card is written. */
  step: Record<string, unknown> & { step: string };
}

/**
 * The card of `rule` for the person and `cause`: the open one a rule made before is moved and
 * re-worded (a second payment failing does not make a second card), otherwise a new one.
 * `unsorted`: the card waits in Unsorted like a new lead, instead of in its day's column.
 * Planned here, written by `writeRuleCards` with the other cards of the batch.
 */
export function ruleCard(
  ctx: RuleCtx,
  rule: ClubRule,
  card: { cause: string; moment: Date; comment: string; unsorted?: boolean },
) {
  const cfg = ctx.rules[rule];
  const contactId = ctx.contactId;
  if (!cfg.enabled || !cfg.task || !contactId) return;
  const step = { step: 'card_planned', rule };
  ctx.steps.push(step);
  ctx.cards.push({
    rule,
    cause: card.cause,
    contactId,
    due: ruleDue(card.moment, cfg, ctx.timezone, ctx.hours, ctx.now),
    comment: card.comment,
    unsorted: card.unsorted ?? false,
    step,
  });
}

type CardWrite = AutomationTaskInput & { plan: CardPlan };

/**
 * Who gets each new card: a named user, the person's responsible, or a role's members in turn.
 * Answers the live persons of the cards (with their responsible), which the tasks feature takes
 * instead of reading them again.
 */
async function assignCards(ctx: RuleCtx, creates: CardWrite[]) {
  const live = await liveContactsOf(ctx.db, ctx.orgId, [
    ...new Set(creates.map((c) => c.contactId)),
  ]);
  const byRole = new Map<string, CardWrite[]>();
  for (const c of creates) {
    const cfg = ctx.rules[c.plan.rule];
    if (cfg.assignee === 'user') c.assigneeId = cfg.assigneeUserId ?? null;
    else if (cfg.assignee === 'responsible') {
      c.assigneeId = live.get(c.contactId)?.responsibleId ?? null;
    } else if (cfg.assigneeRole) {
      byRole.set(cfg.assigneeRole, [...(byRole.get(cfg.assigneeRole) ?? []), c]);
    }
  }
  for (const [role, cards] of byRole) {
    const turns = await repo.nextInTurns(ctx.db, ctx.orgId, role, cards.length);
    cards.forEach((c, i) => (c.assigneeId = turns[i] ?? null));
  }
  return live;
}

/**
 * Writes the planned cards: the open card of a person and cause is found for all of them at
 * once and moved; the rest are made together, then remembered for their cause.
 */
export async function writeRuleCards(ctx: RuleCtx) {
  const plans = ctx.cards.splice(0);
  if (plans.length === 0) return;
  const key = (p: { contactId: string; cause: string }) => `${p.contactId}\u0000${p.cause}`;
  const open = await repo.openRuleTasks(ctx.db, ctx.orgId, plans);
  const creates = new Map<string, CardWrite>();
  const updates = new Map<string, { id: string; dueAt: Date; comment: string }>();
  // Read once for the batch, and handed to the tasks feature, which would read them again.
  let callTemplate: Promise<TemplateRow | undefined> | undefined;
  let firstStatus: Promise<string | null> | undefined;
  for (const plan of plans) {
    const taskId = open.get(key(plan));
    const pending = taskId ? creates.get(taskId) : undefined;
    if (pending) {
      // Made earlier in this batch: it is made as the later event says.
      Object.assign(pending, { dueAt: plan.due, comment: plan.comment });
    } else if (taskId) {
      updates.set(taskId, { id: taskId, dueAt: plan.due, comment: plan.comment });
    }
    if (taskId) {
      Object.assign(plan.step, { step: 'card_updated', taskId });
      continue;
    }
    callTemplate ??= defaultTemplateOf(ctx.db, ctx.orgId, 'call');
    const templateId = ctx.rules[plan.rule].templateId ?? (await callTemplate)?.id;
    if (!templateId) {
      Object.assign(plan.step, { step: 'skipped', reason: 'no_call_template' });
      continue;
    }
    firstStatus ??= firstStatusId(ctx.db, ctx.orgId);
    const id = randomUUID();
    creates.set(id, {
      id,
      templateId,
      contactId: plan.contactId,
      assigneeId: null,
      comment: plan.comment,
      dueAt: plan.due,
      statusId: plan.unsorted ? null : await firstStatus,
      plan,
    });
    open.set(key(plan), id);
    Object.assign(plan.step, { step: 'card_created', taskId: id });
  }
  const tasks: TaskCtx = { db: ctx.db, actor: systemActor(ctx.orgId), now: ctx.now };
  const contacts = await assignCards(ctx, [...creates.values()]);
  const template = await callTemplate;
  const status = await firstStatus;
  const outcome = await createAutomationTasks(tasks, [...creates.values()], {
    templates: template ? [template] : [],
    liveStatusIds: status ? [status] : [],
    contacts,
  });
  const made: Array<{ contactId: string; cause: string; taskId: string }> = [];
  for (const c of creates.values()) {
    const result = outcome.get(c.id);
    if (result === 'created') {
      made.push({ contactId: c.contactId, cause: c.plan.cause, taskId: c.id });
      continue;
    }
    // Not made: every event that counted on this card says why.
    for (const plan of plans) {
      if (plan.step.taskId === c.id) {
        for (const k of Object.keys(plan.step)) delete plan.step[k];
        Object.assign(plan.step, { step: 'skipped', rule: plan.rule, reason: result });
      }
    }
  }
  await repo.rememberRuleTasks(ctx.db, ctx.orgId, made);
  await updateAutomationTasks(tasks, [...updates.values()]);
}

/** The trial rule's tag on a person the club already knows (a new one gets it at creation). */
export async function tagTrialBooker(ctx: RuleCtx, contactId: string) {
  const tagId = ctx.rules.trial_booking.tagId;
  if (!tagId) return;
  const person = await repo.contactBasics(ctx.db, ctx.orgId, contactId);
  if (!person || person.tagIds.includes(tagId)) return;
  await updateContactFields(ctx.db, systemActor(ctx.orgId), 'person', contactId, {
    tagIds: [...person.tagIds, tagId],
  });
  ctx.steps.push({ step: 'tagged', rule: 'trial_booking', tagId });
}

export type { EventMember };
