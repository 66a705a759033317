import { publishEvent } from '../live/index.ts';
import { insertNotification } from '../notifications/index.ts';
import * as repo from './live-notices.repo.ts';
import { ruleText } from './rule-texts.ts';
import type { RuleCtx } from './rules.ts';

/**
 * A pop is for the phone that is ringing now: a call the system tells of this much later (a
 * backlog, a retried delivery) is over, and popping it would only interrupt.
 */
const CALL_FRESH_MS = 2 * 60_000;
/** Likewise, reception is told of a check-in while the member may still be at the desk. */
const VISIT_FRESH_MS = 60 * 60_000;

/** The call's or visit's branch as Spotter knows it, else the person's own branch, else none. */
async function branchOf(ctx: RuleCtx, ref: string | undefined, personBranch: string | null) {
  return (await repo.branchNamed(ctx.db, ctx.orgId, ref)) ?? personBranch;
}

/**
 * A known person is calling: their card pops up on the screens of the staff on duty at the
 * call's branch. Nothing is stored: the pop is a live event sent when the event's transaction
 * commits, carrying only the person's id; each page then reads the card as its user may.
 */
export async function popKnownCaller(
  ctx: RuleCtx,
  call: { externalId: string; branch?: string; occurredAt: Date },
) {
  const rule = ctx.rules.known_call;
  const contactId = ctx.contactId;
  if (!contactId) return;
  if (!rule.enabled) {
    ctx.steps.push({ step: 'skipped', rule: 'known_call', reason: 'rule_off' });
    return;
  }
  if (ctx.now.getTime() - call.occurredAt.getTime() > CALL_FRESH_MS) {
    ctx.steps.push({ step: 'skipped', rule: 'known_call', reason: 'call_over' });
    return;
  }
  const person = await repo.personFacts(ctx.db, ctx.orgId, contactId);
  if (!person) return;
  const branchId = await branchOf(ctx, call.branch, person.branchId);
  await publishEvent(ctx.db, ctx.orgId, {
    type: 'call.incoming',
    contactId,
    callId: call.externalId,
    reach: { branchId, role: rule.assigneeRole },
  });
  ctx.steps.push({ step: 'caller_popped', rule: 'known_call', contactId, branchId });
}

/** "Renewal call: Contract ends 8 Dec", a task as the notice names it. */
function taskLabel(task: { name: string; comment: string | null }) {
  const comment = task.comment?.trim();
  const label = comment ? `${task.name}: ${comment}` : task.name;
  return label.length > 120 ? `${label.slice(0, 119)}…` : label;
}

/**
 * A member with an open task checks in (A-2): reception at the visit's branch is told, as an
 * in-app notification that pops up live and stays in the bell ("Anna is here: renewal call
 * open"). Nobody of that role there: the tasks' assignees are told instead.
 */
export async function tellCheckIn(ctx: RuleCtx, visit: { branch?: string; at: Date }) {
  const rule = ctx.rules.check_in;
  const contactId = ctx.contactId;
  if (!contactId) return;
  if (!rule.enabled) {
    ctx.steps.push({ step: 'skipped', rule: 'check_in', reason: 'rule_off' });
    return;
  }
  if (ctx.now.getTime() - visit.at.getTime() > VISIT_FRESH_MS) {
    ctx.steps.push({ step: 'skipped', rule: 'check_in', reason: 'visit_over' });
    return;
  }
  const open = await repo.openTasksOf(ctx.db, ctx.orgId, contactId);
  if (open.length === 0) {
    ctx.steps.push({ step: 'skipped', rule: 'check_in', reason: 'no_open_task' });
    return;
  }
  const person = await repo.personFacts(ctx.db, ctx.orgId, contactId);
  if (!person) return;
  const branchId = await branchOf(ctx, visit.branch, person.branchId);
  let told = (await repo.staffAt(ctx.db, ctx.orgId, rule.assigneeRole, branchId)).map((u) => u.id);
  if (told.length === 0) {
    told = [...new Set(open.map((t) => t.assigneeId).filter((id): id is string => id !== null))];
  }
  const named = open.slice(0, repo.NAMED_TASKS);
  const more = open.length - named.length;
  const text = ruleText(ctx.locale, more > 0 ? 'check_in_more' : 'check_in', {
    name: person.firstName || person.displayName,
    tasks: named.map(taskLabel).join('; '),
  });
  for (const userId of told) {
    await insertNotification(ctx.db, {
      orgId: ctx.orgId,
      userId,
      kind: 'check_in',
      taskId: named[0]!.id,
      text,
    });
  }
  ctx.steps.push({ step: 'staff_told', rule: 'check_in', users: told.length, branchId });
}
