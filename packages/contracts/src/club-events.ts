import { z } from 'zod';
import { emailSchema, nameSchema } from './common.ts';
import { roleSchema } from './roles.ts';

/**
 * What the club's own systems (booking, membership, payments, telephony) push to Spotter
 * (PRODUCT A-1). Every event type has a version; a sender names both, so a later version of a
 * type can change its shape without breaking senders of the earlier one.
 */

/**
 * The kinds of system a club connects. Most only help people tell sources apart; `twilio` is a
 * Twilio phone number that posts its own voice webhook (verified with the account's auth token).
 */
export const EVENT_SOURCE_KINDS = [
  'membership',
  'booking',
  'payments',
  'telephony',
  'twilio',
  'other',
] as const;
export const eventSourceKindSchema = z.enum(EVENT_SOURCE_KINDS);
export type EventSourceKind = z.infer<typeof eventSourceKindSchema>;

/** An id in the sender's own system: any non-empty text up to 200 characters. */
const externalIdSchema = z.string().trim().min(1).max(200);
const instantSchema = z.iso.datetime({ offset: true });
const daySchema = z.iso.date();
/** A phone number as the sender has it; Spotter normalizes it (any format, as search does). */
const rawPhoneSchema = z.string().trim().min(3).max(40);
const moneySchema = z.number().finite().min(-1e12).max(1e12);
const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .optional();

/**
 * A guardian of a member who is a child (issue 17), as the sender knows them: found by phone,
 * then email, else created, and linked to the member. `relation` is a role's name in any of the
 * five languages ("Mother", "Mamma", "Мама" …; unknown: none); `primary` asks for them to be
 * the child's primary guardian when the child has none yet (the first one is, otherwise).
 */
export const eventGuardianSchema = z
  .strictObject({
    firstName: nameSchema(100).optional(),
    lastName: nameSchema(100).optional(),
    phones: z.array(rawPhoneSchema).max(5).optional(),
    emails: z.array(emailSchema).max(5).optional(),
    relation: z.string().trim().max(60).optional(),
    primary: z.boolean().optional(),
  })
  .refine((g) => g.firstName || g.lastName || g.phones?.length || g.emails?.length, {
    message: 'A guardian needs a name, a phone or an email',
    path: ['firstName'],
  });
export type EventGuardian = z.infer<typeof eventGuardianSchema>;

/** Who an event is about, as the sender knows them; Spotter links by id, then phone, then email. */
export const eventMemberSchema = z.strictObject({
  externalId: externalIdSchema,
  firstName: nameSchema(100).optional(),
  lastName: nameSchema(100).optional(),
  phones: z.array(rawPhoneSchema).max(5).optional(),
  emails: z.array(emailSchema).max(5).optional(),
  birthDate: daySchema.optional(),
  /** A child's guardians (issue 17): linked to the member once the member is a person here. */
  guardians: z.array(eventGuardianSchema).max(4).optional(),
});
export type EventMember = z.infer<typeof eventMemberSchema>;

const branchRefSchema = externalIdSchema.optional();

export const MEMBERSHIP_STATES = ['member', 'former', 'prospect', 'frozen'] as const;
export const CONTRACT_KINDS = ['fixed_term', 'recurring'] as const;
export const CONTRACT_STATES = ['pending', 'active', 'frozen', 'ended', 'cancelled'] as const;
export const PAYMENT_METHOD_KINDS = ['card', 'direct_debit', 'invoice', 'cash', 'other'] as const;

const paymentMethodSchema = z.strictObject({
  kind: z.enum(PAYMENT_METHOD_KINDS),
  /** Only the last four digits or characters; a full card or account number is refused. */
  last4: z
    .string()
    .regex(/^[0-9A-Za-z]{4}$/)
    .optional(),
});

const contractSchema = z.strictObject({
  externalId: externalIdSchema,
  kind: z.enum(CONTRACT_KINDS),
  service: nameSchema(200),
  startsOn: daySchema,
  endsOn: daySchema.optional(),
  price: moneySchema.optional(),
  currency: currencySchema,
  paid: z.boolean(),
  debt: moneySchema.optional(),
  terminationOn: daySchema.optional(),
  state: z.enum(CONTRACT_STATES),
  branch: branchRefSchema,
});

/** Each type's `data` at version 1. */
export const EVENT_DATA_V1 = {
  'member.upserted': z.strictObject({
    member: eventMemberSchema.extend({
      branch: branchRefSchema,
      membershipState: z.enum(MEMBERSHIP_STATES).optional(),
    }),
  }),
  'booking.created': z.strictObject({
    booking: z.strictObject({
      externalId: externalIdSchema,
      className: nameSchema(200),
      startsAt: instantSchema,
      trial: z.boolean().default(false),
      branch: branchRefSchema,
    }),
    member: eventMemberSchema,
  }),
  'booking.cancelled': z.strictObject({
    booking: z.strictObject({ externalId: externalIdSchema }),
    member: eventMemberSchema,
  }),
  'visit.checked_in': z.strictObject({
    visit: z.strictObject({
      externalId: externalIdSchema,
      at: instantSchema,
      branch: branchRefSchema,
    }),
    member: eventMemberSchema,
  }),
  'contract.created': z.strictObject({ contract: contractSchema, member: eventMemberSchema }),
  'contract.updated': z.strictObject({ contract: contractSchema, member: eventMemberSchema }),
  'payment.succeeded': z.strictObject({
    payment: z.strictObject({
      externalId: externalIdSchema,
      amount: moneySchema,
      currency: currencySchema,
      method: paymentMethodSchema.optional(),
      contractExternalId: externalIdSchema.optional(),
    }),
    member: eventMemberSchema,
  }),
  'payment.failed': z.strictObject({
    payment: z.strictObject({
      externalId: externalIdSchema,
      amount: moneySchema,
      currency: currencySchema,
      method: paymentMethodSchema.optional(),
      contractExternalId: externalIdSchema.optional(),
      reason: z.string().trim().max(500).optional(),
    }),
    member: eventMemberSchema,
  }),
  'call.started': z.strictObject({
    call: z.strictObject({
      externalId: externalIdSchema,
      from: rawPhoneSchema,
      line: z.string().trim().max(100).optional(),
      branch: branchRefSchema,
    }),
  }),
  'call.ended': z.strictObject({
    call: z.strictObject({
      externalId: externalIdSchema,
      from: rawPhoneSchema,
      line: z.string().trim().max(100).optional(),
      branch: branchRefSchema,
      durationSeconds: z.number().int().min(0).max(86_400).optional(),
    }),
  }),
  'call.missed': z.strictObject({
    call: z.strictObject({
      externalId: externalIdSchema,
      from: rawPhoneSchema,
      line: z.string().trim().max(100).optional(),
      branch: branchRefSchema,
    }),
  }),
} as const;

export type ClubEventType = keyof typeof EVENT_DATA_V1;
export const CLUB_EVENT_TYPES = Object.keys(EVENT_DATA_V1) as ClubEventType[];
export const clubEventTypeSchema = z.enum(CLUB_EVENT_TYPES as [ClubEventType, ...ClubEventType[]]);

/** The sender's id of one event: what makes a repeated delivery recognisable. */
export const eventIdSchema = z.string().trim().min(1).max(200);

const envelopeBase = {
  type: z.string(),
  version: z.literal(1).default(1),
  occurredAt: instantSchema,
};

/** Every known type at every version, as one union on `type` (the spec shows each). */
const knownEvent = (id: z.ZodType<string | undefined>) =>
  z.discriminatedUnion(
    'type',
    CLUB_EVENT_TYPES.map((type) =>
      z.strictObject({ ...envelopeBase, id, type: z.literal(type), data: EVENT_DATA_V1[type] }),
    ) as unknown as [
      z.ZodObject<{ type: z.ZodLiteral<ClubEventType> }>,
      ...z.ZodObject<{ type: z.ZodLiteral<ClubEventType> }>[],
    ],
  );

/**
 * One event. `id` is the sender's id of it, which makes a repeat recognisable; a signed
 * delivery may leave it out and its `webhook-id` is used.
 */
export const clubEventSchema = knownEvent(eventIdSchema.optional());
export type ClubEventIn = {
  id?: string;
  type: ClubEventType;
  version: 1;
  occurredAt: string;
  data: Record<string, unknown>;
};

/** At most this many events in one batch. */
export const MAX_EVENT_BATCH = 100;

/** Several events, each with its own id, answered in the order sent. */
export const clubEventBatchSchema = z.strictObject({
  events: z.array(knownEvent(eventIdSchema)).min(1).max(MAX_EVENT_BATCH),
});

/** Whether `type` at `version` is one Spotter knows (checked before the rest of the event). */
export const isKnownEventType = (type: unknown, version: unknown = 1): type is ClubEventType =>
  typeof type === 'string' &&
  (CLUB_EVENT_TYPES as string[]).includes(type) &&
  (version === undefined || version === 1);

export const EVENT_OUTCOMES = ['accepted', 'duplicate'] as const;

/** What ingestion says about one event, in the order sent. */
export const eventReceiptSchema = z.object({
  id: eventIdSchema,
  outcome: z.enum(EVENT_OUTCOMES),
  /** Spotter's id of the stored event (the first delivery's, for a duplicate). */
  eventId: z.uuid(),
});
export type EventReceipt = z.infer<typeof eventReceiptSchema>;
export const eventReceiptsSchema = z.object({ items: z.array(eventReceiptSchema) });

// Connected systems (admin settings)

export const eventSourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: eventSourceKindSchema,
  enabled: z.boolean(),
  /** Until when the secret before the last rotation still verifies, if it does. */
  previousSecretValidUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  lastEventAt: z.iso.datetime().nullable(),
  /**
   * Where the system posts: Spotter's event URL, or for a Twilio number the voice webhook URL
   * to paste into Twilio's console.
   */
  url: z.string(),
  /** A Twilio source: whether its auth token is stored (it is never shown again). */
  hasAuthToken: z.boolean(),
  /** A Twilio source: the number Spotter's answer forwards the call to, if any (E.164). */
  forwardTo: z.string().nullable(),
  version: z.number().int(),
});
export type EventSource = z.infer<typeof eventSourceSchema>;
export const eventSourceListSchema = z.object({ items: z.array(eventSourceSchema) });

/** A Twilio account's auth token (32 hex characters), or an API key's secret: kept sealed. */
export const twilioAuthTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{16,128}$/, 'Paste the auth token from the Twilio console');
/** A phone number a Twilio call is forwarded to; Spotter stores it in E.164. */
const forwardToSchema = z.string().trim().min(3).max(40).nullable();

export const eventSourceCreateSchema = z.strictObject({
  name: nameSchema(100),
  kind: eventSourceKindSchema,
  /** Required for a `twilio` source; refused for the others. */
  authToken: twilioAuthTokenSchema.optional(),
  forwardTo: forwardToSchema.optional(),
});
export const eventSourceUpdateSchema = z.strictObject({
  name: nameSchema(100).optional(),
  kind: eventSourceKindSchema.optional(),
  enabled: z.boolean().optional(),
  /** A new auth token for a `twilio` source (the stored one is never shown). */
  authToken: twilioAuthTokenSchema.optional(),
  forwardTo: forwardToSchema.optional(),
  version: z.number().int(),
});

/** How long the old secret keeps verifying after a rotation (hours, default a day). */
export const eventSourceRotateSchema = z.strictObject({
  overlapHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(24),
});

/** The secret is in this answer only (Standard Webhooks format: `whsec_` + base64). */
export const eventSourceSecretSchema = z.object({
  source: eventSourceSchema,
  secret: z.string(),
  /** Where the source posts its events. */
  url: z.string(),
});

// The event log

export const EVENT_LOG_STATES = ['accepted', 'refused'] as const;
export const eventLogEntrySchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceName: z.string(),
  externalEventId: z.string().nullable(),
  type: z.string().nullable(),
  state: z.enum(EVENT_LOG_STATES),
  /** Why it was refused (code), for refused deliveries. */
  reason: z.string().nullable(),
  receivedAt: z.iso.datetime(),
  occurredAt: z.iso.datetime().nullable(),
  data: z.unknown().nullable(),
  /** When its rules ran; null while it waits (a moment) or for a refused delivery. */
  processedAt: z.iso.datetime().nullable(),
  /** The person it was linked to. */
  contactId: z.uuid().nullable(),
  /** What processing did, step by step (`person_linked`, `person_created`, `recorded`, `history` …). */
  outcome: z.array(z.record(z.string(), z.unknown())).nullable(),
});
export type EventLogEntry = z.infer<typeof eventLogEntrySchema>;

export const eventLogQuerySchema = z.strictObject({
  sourceId: z.uuid().optional(),
  type: z.string().max(100).optional(),
  state: z.enum(EVENT_LOG_STATES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const eventLogPageSchema = z.object({
  items: z.array(eventLogEntrySchema),
  nextCursor: z.string().nullable(),
});

// The member's side of the card (C-15)

export const MEMBER_RECORD_KINDS = ['contract', 'booking', 'visit', 'payment'] as const;
export const memberRecordSchema = z.object({
  id: z.uuid(),
  kind: z.enum(MEMBER_RECORD_KINDS),
  sourceId: z.uuid(),
  sourceName: z.string(),
  externalId: z.string(),
  occurredAt: z.iso.datetime(),
  /** The latest state the source sent, as in its event (`{ service, state, endsOn … }`). */
  data: z.record(z.string(), z.unknown()),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

/** The newest of each kind; a member with more is shown the latest, which is what staff need. */
export const MEMBER_RECORDS_PER_KIND = 20;
export const memberRecordsSchema = z.object({
  contracts: z.array(memberRecordSchema),
  bookings: z.array(memberRecordSchema),
  visits: z.array(memberRecordSchema),
  payments: z.array(memberRecordSchema),
});
export type MemberRecords = z.infer<typeof memberRecordsSchema>;

/** How long the event log keeps a delivery, in days (the default, and the bounds an admin may set). */
export const EVENT_LOG_DAYS = { default: 90, min: 7, max: 3650 } as const;

export const clubEventSettingsSchema = z.object({
  /** Link (and create) every customer a club system sends (seed 000), not only those rules need. */
  autoLink: z.boolean(),
  /** Deliveries older than this many days leave the event log (what they did stays). */
  logDays: z.number().int(),
  version: z.number().int(),
});
export const clubEventSettingsUpdateSchema = z.strictObject({
  autoLink: z.boolean().optional(),
  logDays: z.number().int().min(EVENT_LOG_DAYS.min).max(EVENT_LOG_DAYS.max).optional(),
  version: z.number().int(),
});

// Rules: what events turn into

/** Built-in rules, each switchable, with its task, assignee, offset and time of day. */
export const CLUB_RULES = [
  /** A trial class booked by someone not yet a member: status, tag, history (seed 000). */
  'trial_booking',
  /** A fixed-term contract ends: a renewal call before it does (seed 003). */
  'contract_ending',
  /** A recurring contract in debt, to be terminated: a call before the termination (seed 003). */
  'debt_termination',
  /** A payment failed: a call the same day (seed 003). */
  'payment_failed',
  /** A new contract still unpaid after a while: a call (seed 003). */
  'unpaid_contract',
  /** A call from a number nobody has: a lead with that phone and a card in Unsorted. */
  'unknown_call',
  /** A call from a known number: their card pops up for the staff on duty (no card made). */
  'known_call',
  /** A member with an open task checks in: reception is told (no card made). */
  'check_in',
] as const;
/** Rules that tell staff live instead of making a card: `assigneeRole` says who (null: everyone). */
export const NOTICE_RULES: readonly ClubRule[] = ['known_call', 'check_in'];
export const isNoticeRule = (rule: ClubRule) => NOTICE_RULES.includes(rule);
export type ClubRule = (typeof CLUB_RULES)[number];
export const clubRuleNameSchema = z.enum(CLUB_RULES);

/** Who gets a rule's card: the person's responsible, a named user, or turns among a role. */
export const RULE_ASSIGNEES = ['responsible', 'user', 'role'] as const;

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const clubRuleConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Whether the rule makes a card (the trial rule may only tag and note). */
  task: z.boolean(),
  /** The card's template; null: the organization's default call template. */
  templateId: z.uuid().nullable(),
  assignee: z.enum(RULE_ASSIGNEES),
  assigneeUserId: z.uuid().nullable(),
  assigneeRole: roleSchema.nullable(),
  /**
   * Minutes from the moment the rule is about (a contract's end, a termination date, a payment
   * or a booking) to when the card is due: -1440 is a day before.
   */
  offsetMinutes: z
    .number()
    .int()
    .min(-60 * 24 * 60)
    .max(60 * 24 * 60),
  /** Due at this time of its day on the club's clock; null: at the exact moment. */
  timeOfDay: timeOfDaySchema.nullable(),
  /** For a new person (trial booking, unknown caller): their status, a tag, the history type. */
  statusId: z.uuid().nullable(),
  tagId: z.uuid().nullable(),
  historyTypeId: z.uuid().nullable(),
});
export type ClubRuleConfig = z.infer<typeof clubRuleConfigSchema>;

const rule = (over: Partial<ClubRuleConfig>): ClubRuleConfig => ({
  enabled: true,
  task: true,
  templateId: null,
  assignee: 'responsible',
  assigneeUserId: null,
  assigneeRole: null,
  offsetMinutes: 0,
  timeOfDay: null,
  statusId: null,
  tagId: null,
  historyTypeId: null,
  ...over,
});

/** What a new organization's rules do until an admin changes them. */
export const DEFAULT_CLUB_RULES: Record<ClubRule, ClubRuleConfig> = {
  trial_booking: rule({ task: false }),
  contract_ending: rule({ offsetMinutes: -24 * 60, timeOfDay: '10:00' }),
  debt_termination: rule({ offsetMinutes: -10 * 24 * 60, timeOfDay: '10:00' }),
  payment_failed: rule({}),
  unpaid_contract: rule({ offsetMinutes: 15 }),
  unknown_call: rule({ assignee: 'role', assigneeRole: 'reception' }),
  known_call: rule({ task: false, assignee: 'role', assigneeRole: null }),
  check_in: rule({ task: false, assignee: 'role', assigneeRole: 'reception' }),
};

export const clubRulesSchema = z.object({
  rules: z.record(clubRuleNameSchema, clubRuleConfigSchema),
  version: z.number().int(),
});
export const clubRulesUpdateSchema = z.strictObject({
  rules: z.partialRecord(clubRuleNameSchema, clubRuleConfigSchema),
  version: z.number().int(),
});

// Twilio's own voice webhook

/** Twilio's call states, as its voice webhook and status callbacks name them. */
export const TWILIO_CALL_STATUSES = [
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;

/**
 * What Twilio posts (form-encoded) to a number's voice URL or status callback: the fields Spotter
 * reads; Twilio's others (AccountSid, Direction, CallerName …) are signed and kept as sent.
 */
export const twilioCallSchema = z.looseObject({
  CallSid: z.string().trim().min(1).max(64),
  /** The caller's number (E.164), or `anonymous` when withheld. */
  From: z.string().trim().min(1).max(40),
  /** The club's number that was called. */
  To: z.string().trim().max(40).optional(),
  CallStatus: z.enum(TWILIO_CALL_STATUSES),
  /** Seconds, in a status callback of a completed call. */
  CallDuration: z
    .string()
    .regex(/^\d{1,6}$/)
    .optional(),
  /** RFC 2822, in a status callback. */
  Timestamp: z.string().max(100).optional(),
});
export type TwilioCall = z.infer<typeof twilioCallSchema>;
