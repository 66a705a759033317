import type { ClubEventType, EventMember } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clubDate } from '../../lib/club-time.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { createContact, findDuplicates, insertHistory } from '../contacts/index.ts';
import { clubEvents } from './club-events.table.ts';
import * as members from './members.repo.ts';
import { formatDay, formatInstant, formatMoney, ruleText } from './rule-texts.ts';
import { dayStart, ruleCard, systemActor, tagTrialBooker, type RuleCtx } from './rules.ts';
import { ruleContext, type OrgRules } from './rule-context.ts';
import { enqueueUnpaidCheck } from './unpaid-check.ts';
import { popKnownCaller, tellCheckIn } from './live-notices.ts';

type EventRow = typeof clubEvents.$inferSelect;

export interface Ctx extends RuleCtx {
  event: EventRow;
  sourceId: string;
  region: string | null;
  autoLink: boolean;
}

/**
 * The person an event is about: the one linked to the member's id in this source, else a live
 * person with one of the member's phones (E.164), else one of their emails. A match is linked,
 * so the next event finds them by id.
 */
async function findMember(ctx: Ctx, member: Pick<EventMember, 'externalId' | 'phones' | 'emails'>) {
  const linked = await members.linkedContact(ctx.db, ctx.orgId, ctx.sourceId, member.externalId);
  if (linked) return linked;
  const found = await findByKeys(ctx, member.phones ?? [], member.emails ?? []);
  if (found) {
    await members.link(ctx.db, ctx.orgId, ctx.sourceId, member.externalId, found.id);
    ctx.steps.push({ step: 'person_linked', contactId: found.id, by: found.by });
    return found.id;
  }
  return undefined;
}

async function findByKeys(ctx: Ctx, phones: string[], emails: string[]) {
  const phoneKeys = phones.map((p) => normalizePhone(p, ctx.region).number);
  for (const [by, keys] of [
    ['phone', { phoneKeys, emailKeys: [] }],
    ['email', { phoneKeys: [], emailKeys: emails }],
  ] as const) {
    if (keys.phoneKeys.length + keys.emailKeys.length === 0) continue;
    const match = (await findDuplicates(ctx.db, ctx.orgId, keys)).find((d) => d.kind === 'person');
    if (match) return { id: match.id, by };
  }
  return undefined;
}

/** A new person from what the source knows about them (linked to their id when it has one). */
async function createPerson(
  ctx: Ctx,
  member: Partial<EventMember>,
  extra: { statusId?: string | null; tagIds?: string[] } = {},
) {
  const { row } = await createContact(
    ctx.db,
    systemActor(ctx.orgId),
    'person',
    {
      firstName: member.firstName,
      lastName: member.lastName,
      birthDate: member.birthDate ?? null,
      phones: (member.phones ?? []).map((number) => ({ number })),
      emails: (member.emails ?? []).map((email) => ({ email })),
      ...extra,
    },
    { region: ctx.region },
  );
  if (member.externalId) {
    await members.link(ctx.db, ctx.orgId, ctx.sourceId, member.externalId, row.id);
  }
  ctx.steps.push({ step: 'person_created', contactId: row.id });
  return row.id;
}

async function history(ctx: Ctx, data: Record<string, unknown>, typeId?: string | null) {
  if (!ctx.contactId) return;
  await insertHistory(ctx.db, ctx.orgId, ctx.contactId, { event: 'club_event', data, typeId });
  ctx.steps.push({ step: 'history', type: data.type });
}

async function mirror(
  ctx: Ctx,
  kind: members.MemberRecordInput['kind'],
  externalId: string,
  data: Record<string, unknown>,
) {
  const member = (ctx.event.data as { member?: EventMember }).member;
  const saved = await members.upsertMemberRecord(ctx.db, {
    orgId: ctx.orgId,
    sourceId: ctx.sourceId,
    kind,
    externalId,
    memberExternalId: member?.externalId ?? null,
    contactId: ctx.contactId,
    occurredAt: ctx.event.occurredAt!.toISOString(),
    data,
  });
  ctx.steps.push({ step: saved ? 'recorded' : 'older_than_stored', kind, externalId });
  return saved;
}

type Obj = Record<string, unknown>;
type Data = Record<string, Obj>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

async function bookingCreated(ctx: Ctx, { booking, member }: Data) {
  const saved = await mirror(ctx, 'booking', str(booking!.externalId), {
    ...booking,
    state: 'booked',
  });
  if (!saved || saved.before || !booking!.trial) return;
  const rule = ctx.rules.trial_booking;
  if (rule.enabled) {
    if (!ctx.contactId) {
      ctx.contactId = await createPerson(ctx, member as EventMember, {
        statusId: rule.statusId,
        tagIds: rule.tagId ? [rule.tagId] : [],
      });
    } else {
      await tagTrialBooker(ctx, ctx.contactId);
    }
  }
  const data = {
    type: 'booking.created',
    className: booking!.className,
    startsAt: booking!.startsAt,
    trial: true,
  };
  await history(ctx, data, rule.enabled ? rule.historyTypeId : null);
  await ruleCard(ctx, 'trial_booking', {
    cause: `trial:${ctx.sourceId}:${str(booking!.externalId)}`,
    moment: new Date(str(booking!.startsAt)),
    comment: ruleText(ctx.locale, 'trial_booking', {
      className: str(booking!.className),
      date: formatInstant(str(booking!.startsAt), ctx.locale, ctx.timezone),
    }),
  });
}

const LIVE_CONTRACT = new Set(['pending', 'active', 'frozen']);

async function contractChanged(ctx: Ctx, { contract }: Data, created: boolean) {
  const c = contract!;
  const saved = await mirror(ctx, 'contract', str(c.externalId), c);
  if (!saved) return;
  if (!saved.before) {
    await history(ctx, { type: 'contract.created', service: c.service, kind: c.kind });
  }
  if (saved.after.state === 'ended' && saved.before?.state !== 'ended') {
    await history(ctx, { type: 'contract.ended', service: c.service, endsOn: c.endsOn ?? null });
  }
  const today = clubDate(ctx.now, ctx.timezone);
  const live = LIVE_CONTRACT.has(str(c.state));
  const service = str(c.service);
  if (live && c.kind === 'fixed_term' && str(c.endsOn) >= today) {
    await ruleCard(ctx, 'contract_ending', {
      cause: `contract_ending:${ctx.sourceId}:${str(c.externalId)}`,
      moment: dayStart(str(c.endsOn), ctx.timezone),
      comment: ruleText(ctx.locale, 'contract_ending', {
        date: formatDay(str(c.endsOn), ctx.locale),
        service,
      }),
    });
  }
  const debt = typeof c.debt === 'number' ? c.debt : 0;
  if (live && c.kind === 'recurring' && debt > 0 && str(c.terminationOn) >= today) {
    await ruleCard(ctx, 'debt_termination', {
      cause: `debt_termination:${ctx.sourceId}:${str(c.externalId)}`,
      moment: dayStart(str(c.terminationOn), ctx.timezone),
      comment: ruleText(ctx.locale, 'debt_termination', {
        amount: formatMoney(debt, c.currency, ctx.locale),
        date: formatDay(str(c.terminationOn), ctx.locale),
        service,
      }),
    });
  }
  if (created && c.paid === false && live && ctx.rules.unpaid_contract.enabled) {
    const at = new Date(
      ctx.event.occurredAt!.getTime() + ctx.rules.unpaid_contract.offsetMinutes * 60_000,
    );
    await enqueueUnpaidCheck(ctx.db, {
      orgId: ctx.orgId,
      sourceId: ctx.sourceId,
      contractExternalId: str(c.externalId),
      runAt: at.getTime() > ctx.now.getTime() ? at : ctx.now,
    });
    ctx.steps.push({ step: 'unpaid_check_planned', at: at.toISOString() });
  }
}

async function paymentFailed(ctx: Ctx, { payment }: Data) {
  const p = payment!;
  const saved = await mirror(ctx, 'payment', str(p.externalId), { ...p, state: 'failed' });
  if (!saved || saved.before?.state === 'failed') return;
  await history(ctx, {
    type: 'payment.failed',
    amount: p.amount,
    currency: p.currency ?? null,
    reason: p.reason ?? null,
  });
  const amount = formatMoney(p.amount, p.currency, ctx.locale);
  await ruleCard(ctx, 'payment_failed', {
    cause: 'payment_failed',
    moment: ctx.event.occurredAt!,
    comment: ruleText(ctx.locale, 'payment_failed', {
      amount: p.reason ? `${amount} (${str(p.reason)})` : amount,
    }),
  });
}

async function callIn(ctx: Ctx, { call }: Data) {
  const from = str(call!.from);
  const found = await findByKeys(ctx, [from], []);
  if (found) {
    ctx.contactId = found.id;
    ctx.steps.push({ step: 'known_caller', contactId: found.id });
    if (ctx.event.type === 'call.started') {
      const { externalId, branch } = call as { externalId: string; branch?: string };
      await popKnownCaller(ctx, { externalId, branch, occurredAt: ctx.event.occurredAt! });
    }
    return;
  }
  const rule = ctx.rules.unknown_call;
  if (!rule.enabled) {
    ctx.steps.push({ step: 'skipped', rule: 'unknown_call', reason: 'rule_off' });
    return;
  }
  ctx.contactId = await createPerson(
    ctx,
    { phones: [from] },
    {
      statusId: rule.statusId,
      tagIds: rule.tagId ? [rule.tagId] : [],
    },
  );
  await ruleCard(ctx, 'unknown_call', {
    cause: 'call',
    moment: ctx.event.occurredAt!,
    unsorted: true,
    comment: ruleText(ctx.locale, 'unknown_call', {
      phone: normalizePhone(from, ctx.region).number,
    }),
  });
}

/** What each type changes on the member's side of the card, in their history and on the board. */
const HANDLERS: Record<ClubEventType, (ctx: Ctx, data: Data) => Promise<void>> = {
  'member.upserted': async () => {},
  'booking.created': bookingCreated,
  'booking.cancelled': async (ctx, { booking }) => {
    await mirror(ctx, 'booking', str(booking!.externalId), { state: 'cancelled' });
  },
  'visit.checked_in': async (ctx, { visit }) => {
    const saved = await mirror(ctx, 'visit', str(visit!.externalId), visit!);
    if (saved && !saved.before) {
      const { branch, at } = visit as { branch?: string; at: string };
      await tellCheckIn(ctx, { branch, at: new Date(at) });
    }
  },
  'contract.created': (ctx, data) => contractChanged(ctx, data, true),
  'contract.updated': (ctx, data) => contractChanged(ctx, data, false),
  'payment.succeeded': async (ctx, { payment }) => {
    await mirror(ctx, 'payment', str(payment!.externalId), { ...payment, state: 'succeeded' });
    if (payment!.contractExternalId) {
      await members.markContractPaid(
        ctx.db,
        ctx.orgId,
        ctx.sourceId,
        str(payment!.contractExternalId),
      );
    }
  },
  'payment.failed': paymentFailed,
  'call.started': callIn,
  'call.missed': callIn,
  'call.ended': async () => {},
};

/**
 * Runs an accepted event once: links its person, mirrors what it says onto the member's side of
 * the card, writes history and runs the rules. The event row is locked and marked in the same
 * transaction, so a second run (another instance, a retried job) finds it processed.
 */
export async function processClubEvent(
  db: Db,
  orgId: string,
  eventId: string,
  now: Date,
  org?: OrgRules,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(clubEvents)
      .where(and(eq(clubEvents.orgId, orgId), eq(clubEvents.id, eventId)))
      .for('update');
    if (!event || event.processedAt || event.state !== 'accepted' || !event.type) return;
    const ctx: Ctx = {
      ...(await ruleContext(tx, orgId, now, org)),
      event,
      sourceId: event.sourceId,
    };
    const data = (event.data ?? {}) as Data;
    const member = data.member as EventMember | undefined;
    if (member) {
      ctx.contactId =
        (await findMember(ctx, member)) ?? (ctx.autoLink ? await createPerson(ctx, member) : null);
      if (!ctx.contactId) ctx.steps.push({ step: 'not_linked', reason: 'unknown_member' });
    }
    await HANDLERS[event.type as ClubEventType](ctx, data);
    await tx
      .update(clubEvents)
      .set({ processedAt: now, contactId: ctx.contactId, outcome: ctx.steps })
      .where(and(eq(clubEvents.orgId, orgId), eq(clubEvents.id, eventId)));
  });
}
