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
  createTask,
  defaultTemplateOf,
  firstStatusId,
  updateTask,
  type TaskCtx,
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
    due = startOfWorkday(clubDate(due, timezone), timezone, { start: cfg.timeOfDay, end: null });
  }
  return due.getTime() <= now.getTime()
    ? dueOnDay(clubDate(now, timezone), timezone, hours, now)
    : due;
}

/** The start of a club calendar day named by a source ("2026-12-31"). */
export const dayStart = (isoDay: string, timezone: string) => startOfClubDay(isoDay, timezone);

async function assigneeOf(ctx: RuleCtx, cfg: ClubRuleConfig, contactId: string) {
  switch (cfg.assignee) {
    case 'user':
      return cfg.assigneeUserId;
    case 'role':
      return cfg.assigneeRole
        ? ((await repo.nextInTurn(ctx.db, ctx.orgId, cfg.assigneeRole)) ?? null)
        : null;
    default:
      return (await repo.contactBasics(ctx.db, ctx.orgId, contactId))?.responsibleId ?? null;
  }
}

/**
 * The card of `rule` for the person and `cause`: the open one a rule made before is moved and
 * re-worded (a second payment failing does not make a second card), otherwise a new one.
 * `unsorted`: the card waits in Unsorted like a new lead, instead of in its day's column.
 */
export async function ruleCard(
  ctx: RuleCtx,
  rule: ClubRule,
  card: { cause: string; moment: Date; comment: string; unsorted?: boolean },
) {
  const cfg = ctx.rules[rule];
  const contactId = ctx.contactId;
  if (!cfg.enabled || !cfg.task || !contactId) return;
  const due = ruleDue(card.moment, cfg, ctx.timezone, ctx.hours, ctx.now);
  const tasks: TaskCtx = { db: ctx.db, actor: systemActor(ctx.orgId), now: ctx.now };
  const open = await repo.openRuleTask(ctx.db, ctx.orgId, contactId, card.cause);
  if (open) {
    await updateTask(tasks, open.id, { dueAt: due.toISOString(), comment: card.comment });
    ctx.steps.push({ step: 'card_updated', rule, taskId: open.id });
    return;
  }
  const templateId =
    cfg.templateId ?? (await defaultTemplateOf(ctx.db, ctx.orgId, 'call'))?.id ?? null;
  if (!templateId) {
    ctx.steps.push({ step: 'skipped', rule, reason: 'no_call_template' });
    return;
  }
  const task = await createTask(tasks, {
    templateId,
    contactId,
    assigneeId: await assigneeOf(ctx, cfg, contactId),
    comment: card.comment,
    dueAt: due.toISOString(),
    remindAt: null,
    statusId: card.unsorted ? null : await firstStatusId(ctx.db, ctx.orgId),
    branchId: null,
    private: false,
  });
  await repo.rememberRuleTask(ctx.db, ctx.orgId, contactId, card.cause, task.id);
  ctx.steps.push({ step: 'card_created', rule, taskId: task.id });
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
