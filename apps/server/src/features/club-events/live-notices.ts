import { publishEvents, type PublishedEvent } from '../live/index.ts';
import { insertNotifications, type NotificationInput } from '../notifications/index.ts';
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

type Steps = RuleCtx['steps'];
interface Pop {
  steps: Steps;
  contactId: string;
  callId: string;
  branch?: string;
}
interface CheckIn {
  steps: Steps;
  contactId: string;
  branch?: string;
}

/** "Renewal call: Contract ends 8 Dec", a task as the notice names it. */
function taskLabel(task: { name: string; comment: string | null }) {
  const comment = task.comment?.trim();
  const label = comment ? `${task.name}: ${comment}` : task.name;
  return label.length > 120 ? `${label.slice(0, 119)}…` : label;
}

/**
 * The live notices of a drain's batch: asked for event by event, sent together once the
 * batch's cards are written, with one query per kind of lookup instead of several per event
 * (decision 0026). They go out as NOTIFYs, so only when the batch's transaction commits.
 */
export class LiveNotices {
  readonly #pops: Pop[] = [];
  readonly #checkIns: CheckIn[] = [];

  /**
   * A known person is calling: their card pops up on the screens of the staff on duty at the
   * call's branch. Nothing is stored: the pop is a live event carrying only the person's id;
   * each page then reads the card as its user may.
   */
  pop(ctx: RuleCtx, call: { externalId: string; branch?: string; occurredAt: Date }) {
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
    this.#pops.push({ steps: ctx.steps, contactId, callId: call.externalId, branch: call.branch });
  }

  /**
   * A member with an open task checks in: reception at the visit's branch is told, as an in-app
   * notification that pops up live and stays in the bell ("Anna is here: renewal call open").
   * Nobody of that role there: the tasks' assignees are told instead.
   */
  checkIn(ctx: RuleCtx, visit: { branch?: string; at: Date }) {
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
    this.#checkIns.push({ steps: ctx.steps, contactId, branch: visit.branch });
  }

  /** Sends what the batch asked for, after its cards are written (a check-in sees them too). */
  async send(ctx: RuleCtx) {
    if (this.#pops.length === 0 && this.#checkIns.length === 0) return;
    const { db, orgId } = ctx;
    const ids = [...new Set([...this.#pops, ...this.#checkIns].map((n) => n.contactId))];
    const persons = await repo.personsFacts(db, orgId, ids);
    const named = [...this.#pops, ...this.#checkIns].some((n) => n.branch?.trim())
      ? await repo.liveBranches(db, orgId)
      : [];
    const branchOf = (ref: string | undefined, own: string | null) =>
      repo.branchNamed(named, ref) ?? own;

    const events: PublishedEvent[] = [];
    for (const pop of this.#pops) {
      const person = persons.get(pop.contactId);
      if (!person) continue;
      const branchId = branchOf(pop.branch, person.branchId);
      events.push({
        type: 'call.incoming',
        contactId: pop.contactId,
        callId: pop.callId,
        reach: { branchId, role: ctx.rules.known_call.assigneeRole },
      });
      pop.steps.push({
        step: 'caller_popped',
        rule: 'known_call',
        contactId: pop.contactId,
        branchId,
      });
    }
    await publishEvents(db, orgId, events);
    await this.#tell(ctx, persons, branchOf);
  }

  async #tell(
    ctx: RuleCtx,
    persons: Map<string, repo.PersonFacts>,
    branchOf: (ref: string | undefined, own: string | null) => string | null,
  ) {
    if (this.#checkIns.length === 0) return;
    const { db, orgId } = ctx;
    const role = ctx.rules.check_in.assigneeRole;
    const openOf = await repo.openTasksOfMany(
      db,
      orgId,
      this.#checkIns.map((c) => c.contactId),
    );
    const staff = new Map<string, string[]>();
    const notices: NotificationInput[] = [];
    for (const visit of this.#checkIns) {
      const open = openOf.get(visit.contactId) ?? [];
      if (open.length === 0) {
        visit.steps.push({ step: 'skipped', rule: 'check_in', reason: 'no_open_task' });
        continue;
      }
      const person = persons.get(visit.contactId);
      if (!person) continue;
      const branchId = branchOf(visit.branch, person.branchId);
      const key = branchId ?? '';
      let there = staff.get(key);
      if (!there) {
        there = (await repo.staffAt(db, orgId, role, branchId)).map((u) => u.id);
        staff.set(key, there);
      }
      const told = there.length
        ? there
        : [...new Set(open.map((t) => t.assigneeId).filter((id): id is string => id !== null))];
      const first = open.slice(0, repo.NAMED_TASKS);
      const text = ruleText(ctx.locale, open.length > first.length ? 'check_in_more' : 'check_in', {
        name: person.firstName || person.displayName,
        tasks: first.map(taskLabel).join('; '),
      });
      for (const userId of told) {
        notices.push({ orgId, userId, kind: 'check_in', taskId: first[0]!.id, text });
      }
      visit.steps.push({ step: 'staff_told', rule: 'check_in', users: told.length, branchId });
    }
    await insertNotifications(db, notices);
  }
}
