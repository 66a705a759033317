import type { ClubEventType, EventMember } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { createContact, findDuplicates, insertHistory } from '../contacts/index.ts';
import { clubEvents } from './club-events.table.ts';
import * as members from './members.repo.ts';

/** One thing processing did, as the event log shows it. */
export type Step = Record<string, unknown> & { step: string };

type EventRow = typeof clubEvents.$inferSelect;

interface Ctx {
  db: Db;
  event: EventRow;
  orgId: string;
  sourceId: string;
  region: string | null;
  autoLink: boolean;
  steps: Step[];
  contactId: string | null;
}

/** What rules do, they do as the organization's integration, not as a member of staff. */
const systemActor = (orgId: string): Actor => ({ orgId, userId: null, role: null, via: 'token' });

/**
 * The person an event is about: the one linked to the member's id in this source, else a live
 * person with one of the member's phones (E.164), else one of their emails. A match is linked,
 * so the next event finds them by id.
 */
export async function findMember(
  ctx: Ctx,
  member: Pick<EventMember, 'externalId' | 'phones' | 'emails'>,
) {
  const linked = await members.linkedContact(ctx.db, ctx.orgId, ctx.sourceId, member.externalId);
  if (linked) return linked;
  const phoneKeys = (member.phones ?? []).map((p) => normalizePhone(p, ctx.region).number);
  const emailKeys = member.emails ?? [];
  for (const [by, keys] of [
    ['phone', { phoneKeys, emailKeys: [] }],
    ['email', { phoneKeys: [], emailKeys }],
  ] as const) {
    if (keys.phoneKeys.length + keys.emailKeys.length === 0) continue;
    const match = (await findDuplicates(ctx.db, ctx.orgId, keys)).find((d) => d.kind === 'person');
    if (match) {
      await members.link(ctx.db, ctx.orgId, ctx.sourceId, member.externalId, match.id);
      ctx.steps.push({ step: 'person_linked', contactId: match.id, by });
      return match.id;
    }
  }
  return undefined;
}

/** A new person from what the source knows about the member, linked to their id. */
export async function createMember(
  ctx: Ctx,
  member: EventMember,
  extra: { statusId?: string; tagIds?: string[] } = {},
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
  await members.link(ctx.db, ctx.orgId, ctx.sourceId, member.externalId, row.id);
  ctx.steps.push({ step: 'person_created', contactId: row.id });
  return row.id;
}

async function history(ctx: Ctx, data: Record<string, unknown>) {
  if (!ctx.contactId) return;
  await insertHistory(ctx.db, ctx.orgId, ctx.contactId, { event: 'club_event', data });
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

type Data = Record<string, Record<string, unknown>>;

/** What each type changes on the member's side of the card and in their history. */
const HANDLERS: Record<ClubEventType, (ctx: Ctx, data: Data) => Promise<void>> = {
  'member.upserted': async () => {},
  'booking.created': async (ctx, { booking }) => {
    const saved = await mirror(ctx, 'booking', String(booking!.externalId), {
      ...booking,
      state: 'booked',
    });
    if (saved && !saved.before && booking!.trial) {
      await history(ctx, {
        type: 'booking.created',
        className: booking!.className,
        startsAt: booking!.startsAt,
        trial: true,
      });
    }
  },
  'booking.cancelled': async (ctx, { booking }) => {
    await mirror(ctx, 'booking', String(booking!.externalId), { state: 'cancelled' });
  },
  'visit.checked_in': async (ctx, { visit }) => {
    await mirror(ctx, 'visit', String(visit!.externalId), visit!);
  },
  'contract.created': (ctx, data) => contractChanged(ctx, data),
  'contract.updated': (ctx, data) => contractChanged(ctx, data),
  'payment.succeeded': async (ctx, { payment }) => {
    await mirror(ctx, 'payment', String(payment!.externalId), { ...payment, state: 'succeeded' });
  },
  'payment.failed': async (ctx, { payment }) => {
    const saved = await mirror(ctx, 'payment', String(payment!.externalId), {
      ...payment,
      state: 'failed',
    });
    if (saved && saved.before?.state !== 'failed') {
      await history(ctx, {
        type: 'payment.failed',
        amount: payment!.amount,
        currency: payment!.currency ?? null,
        reason: payment!.reason ?? null,
      });
    }
  },
  'call.started': async () => {},
  'call.ended': async () => {},
  'call.missed': async () => {},
};

async function contractChanged(ctx: Ctx, { contract }: Data) {
  const saved = await mirror(ctx, 'contract', String(contract!.externalId), contract!);
  if (!saved) return;
  if (!saved.before) {
    await history(ctx, {
      type: 'contract.created',
      service: contract!.service,
      kind: contract!.kind,
    });
  }
  if (saved.after.state === 'ended' && saved.before?.state !== 'ended') {
    await history(ctx, {
      type: 'contract.ended',
      service: contract!.service,
      endsOn: contract!.endsOn ?? null,
    });
  }
}

/**
 * Runs an accepted event once: links its person, mirrors what it says onto the member's side of
 * the card and writes history. The event row is locked and marked in the same transaction, so a
 * second run (another instance, a retried job) finds it processed and does nothing.
 */
export async function processClubEvent(db: Db, orgId: string, eventId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(clubEvents)
      .where(and(eq(clubEvents.orgId, orgId), eq(clubEvents.id, eventId)))
      .for('update');
    if (!event || event.processedAt || event.state !== 'accepted' || !event.type) return;
    const [crm, settings] = await Promise.all([
      getCrmSettings(tx, orgId),
      members.getSettings(tx, orgId),
    ]);
    const ctx: Ctx = {
      db: tx,
      event,
      orgId,
      sourceId: event.sourceId,
      region: crm.phoneRegion ?? null,
      autoLink: settings.autoLink,
      steps: [],
      contactId: null,
    };
    const data = (event.data ?? {}) as Data;
    const member = data.member as EventMember | undefined;
    if (member) {
      ctx.contactId =
        (await findMember(ctx, member)) ??
        (ctx.autoLink ? await createMember(ctx, member) : null) ??
        null;
      if (!ctx.contactId) ctx.steps.push({ step: 'not_linked', reason: 'unknown_member' });
    }
    await HANDLERS[event.type as ClubEventType](ctx, data);
    await tx
      .update(clubEvents)
      .set({ processedAt: new Date(), contactId: ctx.contactId, outcome: ctx.steps })
      .where(and(eq(clubEvents.orgId, orgId), eq(clubEvents.id, eventId)));
  });
}
