import type { ClubEventType, EventMember } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { breather } from '../../lib/breather.ts';
import { createContact } from '../contacts/index.ts';
import { publishingTogether } from '../live/index.ts';
import { EventBatch } from './event-batch.ts';
import { linkEventGuardians } from './event-guardians.ts';
import { emailKeysOf, findByKeys } from './member-keys.ts';
import type { RecordKind } from './members.repo.ts';
import * as repo from './process.repo.ts';
import { formatDay, formatInstant, formatMoney, ruleText } from './rule-texts.ts';
import {
  clubToday,
  dayStart,
  ruleCard,
  systemActor,
  tagTrialBooker,
  writeRuleCards,
  type RuleCtx,
} from './rules.ts';
import { ruleContext, type OrgRules } from './rule-context.ts';
import { enqueueUnpaidCheck } from './unpaid-check.ts';
import { LiveNotices } from './live-notices.ts';

type EventRow = repo.EventRow;

export interface Ctx extends RuleCtx {
  event: EventRow;
  sourceId: string;
  region: string | null;
  autoLink: boolean;
  /** What the run's events of this source read and write together (decision 0026). */
  batch: EventBatch;
  /** Calls to pop and check-ins to tell, sent once the batch's cards are written. */
  notices: LiveNotices;
}

/**
 * The person an event is about: the one linked to the member's id in this source, else a live
 * person with one of the member's phones (E.164), else one of their emails. A match is linked,
 * so the next event finds them by id.
 */
function findMember(ctx: Ctx, member: Pick<EventMember, 'externalId' | 'phones' | 'emails'>) {
  const linked = ctx.batch.linked(member.externalId);
  if (linked) return linked;
  const found = findByKeys(ctx, member.phones ?? [], member.emails ?? []);
  if (found) {
    ctx.batch.link(member.externalId, found.id);
    ctx.steps.push({ step: 'person_linked', contactId: found.id, by: found.by });
    return found.id;
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
  ctx.batch.madePerson(row.id, row);
  if (member.externalId) ctx.batch.link(member.externalId, row.id);
  ctx.steps.push({ step: 'person_created', contactId: row.id });
  return row.id;
}

function history(ctx: Ctx, data: Record<string, unknown>, typeId?: string | null) {
  if (!ctx.contactId) return;
  ctx.batch.history(ctx.contactId, { event: 'club_event', data, typeId });
  ctx.steps.push({ step: 'history', type: data.type });
}

function mirror(ctx: Ctx, kind: RecordKind, externalId: string, data: Record<string, unknown>) {
  const member = (ctx.event.data as { member?: EventMember }).member;
  const saved = ctx.batch.mirror({
    kind,
    externalId,
    memberExternalId: member?.externalId ?? null,
    contactId: ctx.contactId,
    occurredAt: ctx.event.occurredAt!,
    data,
  });
  ctx.steps.push({ step: saved ? 'recorded' : 'older_than_stored', kind, externalId });
  return saved;
}

type Obj = Record<string, unknown>;
type Data = Record<string, Obj>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

async function bookingCreated(ctx: Ctx, { booking, member }: Data) {
  const saved = mirror(ctx, 'booking', str(booking!.externalId), {
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
  history(ctx, data, rule.enabled ? rule.historyTypeId : null);
  ruleCard(ctx, 'trial_booking', {
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
  const saved = mirror(ctx, 'contract', str(c.externalId), c);
  if (!saved) return;
  if (!saved.before) {
    history(ctx, { type: 'contract.created', service: c.service, kind: c.kind });
  }
  if (saved.after.state === 'ended' && saved.before?.state !== 'ended') {
    history(ctx, { type: 'contract.ended', service: c.service, endsOn: c.endsOn ?? null });
  }
  const today = clubToday(ctx.now, ctx.timezone);
  const live = LIVE_CONTRACT.has(str(c.state));
  const service = str(c.service);
  if (live && c.kind === 'fixed_term' && str(c.endsOn) >= today) {
    ruleCard(ctx, 'contract_ending', {
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
    ruleCard(ctx, 'debt_termination', {
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
  const saved = mirror(ctx, 'payment', str(p.externalId), { ...p, state: 'failed' });
  if (!saved || saved.before?.state === 'failed') return;
  history(ctx, {
    type: 'payment.failed',
    amount: p.amount,
    currency: p.currency ?? null,
    reason: p.reason ?? null,
  });
  const amount = formatMoney(p.amount, p.currency, ctx.locale);
  ruleCard(ctx, 'payment_failed', {
    cause: 'payment_failed',
    moment: ctx.event.occurredAt!,
    comment: ruleText(ctx.locale, 'payment_failed', {
      amount: p.reason ? `${amount} (${str(p.reason)})` : amount,
    }),
  });
}

async function callIn(ctx: Ctx, { call }: Data) {
  const from = str(call!.from);
  const found = findByKeys(ctx, [from], []);
  if (found) {
    ctx.contactId = found.id;
    ctx.steps.push({ step: 'known_caller', contactId: found.id });
    if (ctx.event.type === 'call.started') {
      const { externalId, branch } = call as { externalId: string; branch?: string };
      ctx.notices.pop(ctx, { externalId, branch, occurredAt: ctx.event.occurredAt! });
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
  ruleCard(ctx, 'unknown_call', {
    cause: 'call',
    moment: ctx.event.occurredAt!,
    unsorted: true,
    comment: ruleText(ctx.locale, 'unknown_call', {
      phone: ctx.batch.phoneKeys([from])[0]!,
    }),
  });
}

/** What each type changes on the member's side of the card, in their history and on the board. */
const HANDLERS: Record<ClubEventType, (ctx: Ctx, data: Data) => Promise<void>> = {
  'member.upserted': async () => {},
  'booking.created': bookingCreated,
  'booking.cancelled': async (ctx, { booking }) => {
    mirror(ctx, 'booking', str(booking!.externalId), { state: 'cancelled' });
  },
  'visit.checked_in': async (ctx, { visit }) => {
    const saved = mirror(ctx, 'visit', str(visit!.externalId), visit!);
    if (saved && !saved.before) {
      const { branch, at } = visit as { branch?: string; at: string };
      ctx.notices.checkIn(ctx, { branch, at: new Date(at) });
    }
  },
  'contract.created': (ctx, data) => contractChanged(ctx, data, true),
  'contract.updated': (ctx, data) => contractChanged(ctx, data, false),
  'payment.succeeded': async (ctx, { payment }) => {
    mirror(ctx, 'payment', str(payment!.externalId), { ...payment, state: 'succeeded' });
    if (payment!.contractExternalId) {
      ctx.batch.markContractPaid(str(payment!.contractExternalId));
    }
  },
  'payment.failed': paymentFailed,
  'call.started': callIn,
  'call.missed': callIn,
  'call.ended': async () => {},
};

/** Where an event's person and records are: what a batch reads before its events run. */
function wantsOf(events: EventRow[], batch: EventBatch) {
  const members: EventMember[] = [];
  const callers: string[] = [];
  const guardians = () => members.flatMap((m) => m.guardians ?? []);
  const records: Array<{ kind: RecordKind; externalId: string }> = [];
  for (const event of events) {
    const data = (event.data ?? {}) as Data;
    if (data.member) members.push(data.member as unknown as EventMember);
    if (data.call) callers.push(str(data.call.from));
    for (const kind of ['booking', 'visit', 'contract', 'payment'] as const) {
      if (data[kind]) records.push({ kind, externalId: str(data[kind].externalId) });
    }
    if (data.payment?.contractExternalId) {
      records.push({ kind: 'contract', externalId: str(data.payment.contractExternalId) });
    }
  }
  const unlinked = (linked: Set<string>) => members.filter((m) => !linked.has(m.externalId));
  return {
    memberIds: members.map((m) => m.externalId),
    // A child's guardians are found by their keys whether or not the child is linked.
    phones: (linked: Set<string>) =>
      batch.phoneKeys([
        ...unlinked(linked).flatMap((m) => m.phones ?? []),
        ...callers,
        ...guardians().flatMap((g) => g.phones ?? []),
      ]),
    emails: (linked: Set<string>) =>
      emailKeysOf([
        ...unlinked(linked).flatMap((m) => m.emails ?? []),
        ...guardians().flatMap((g) => g.emails ?? []),
      ]),
    records,
  };
}

/** How long the events of a batch may hold the event loop before others get a turn. */
const YIELD_AFTER_MS = 5;

/** Runs one source's events of a run in arrival order, then writes what they did together. */
async function runSourceEvents(
  shared: Awaited<ReturnType<typeof ruleContext>>,
  events: EventRow[],
) {
  const sourceId = events[0]!.sourceId;
  const batch = new EventBatch(shared.db, shared.orgId, sourceId, shared.region);
  await batch.load(wantsOf(events, batch));
  const notices = new LiveNotices();
  const done: Array<{ id: string; ctx: Ctx }> = [];
  const breathe = breather(YIELD_AFTER_MS);
  for (const event of events) {
    // Deliveries arriving meanwhile are answered between events, not after the whole batch.
    await breathe();
    const ctx: Ctx = {
      ...shared,
      steps: [],
      contactId: null,
      event,
      sourceId,
      batch,
      notices,
    };
    const data = (event.data ?? {}) as Data;
    const member = data.member as EventMember | undefined;
    if (member) {
      ctx.contactId =
        findMember(ctx, member) ?? (ctx.autoLink ? await createPerson(ctx, member) : null);
      if (!ctx.contactId) ctx.steps.push({ step: 'not_linked', reason: 'unknown_member' });
    }
    await HANDLERS[event.type as ClubEventType](ctx, data);
    if (member?.guardians?.length) await linkEventGuardians(ctx, member.guardians);
    done.push({ id: event.id, ctx });
  }
  await batch.flush();
  await writeRuleCards(shared);
  await notices.send(shared);
  await repo.markProcessed(
    shared.db,
    shared.orgId,
    shared.now,
    done.map(({ id, ctx }) => ({ id, contactId: ctx.contactId, outcome: ctx.steps })),
  );
}

/**
 * Runs accepted events once, in one transaction: links their persons, mirrors what they say
 * onto the member's side of the card, writes history and runs the rules. The events are locked
 * and marked in that transaction, so a second run (another instance, a retried job) waits and
 * then finds them processed. Answers how many ran, and the last one's place in the
 * source's order (where a drain's next batch starts).
 */
export async function processBatch(
  db: Db,
  orgId: string,
  select: repo.EventSelection,
  now: Date,
  org?: OrgRules,
): Promise<{ ran: number; lastSeq: number | undefined }> {
  return db.transaction(async (tx) => {
    const locked = await repo.lockWaitingEvents(tx, orgId, select);
    const lastSeq = locked.at(-1)?.seq;
    const events = locked.filter((e) => e.type);
    if (events.length === 0) return { ran: 0, lastSeq };
    const shared = await ruleContext(tx, orgId, now, org);
    const bySource = new Map<string, EventRow[]>();
    for (const e of events) bySource.set(e.sourceId, [...(bySource.get(e.sourceId) ?? []), e]);
    // New cards, their assignees' notifications and calls to pop are announced in one
    // statement at the end (they are sent on commit either way).
    await publishingTogether(tx, async () => {
      for (const group of bySource.values()) await runSourceEvents(shared, group);
    });
    return { ran: events.length, lastSeq };
  });
}

/** `processBatch`, answering how many ran. */
export async function processClubEvents(
  db: Db,
  orgId: string,
  select: repo.EventSelection,
  now: Date,
  org?: OrgRules,
): Promise<number> {
  return (await processBatch(db, orgId, select, now, org)).ran;
}

/** Runs one accepted event (if it still waits). */
export async function processClubEvent(
  db: Db,
  orgId: string,
  eventId: string,
  now: Date,
  org?: OrgRules,
): Promise<void> {
  await processClubEvents(db, orgId, { ids: [eventId] }, now, org);
}
