import {
  CONTRACT_KINDS,
  CONTRACT_STATES,
  MEMBERSHIP_STATES,
  PAYMENT_METHOD_KINDS,
  type ClubEventType,
} from '@spotter/contracts';

/** One field of the test event form: where it goes in `data`, and how it is typed in. */
export interface TestField {
  /** Dotted path inside the event's `data`, e.g. `payment.amount`. */
  path: string;
  input: 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'select' | 'list';
  options?: readonly string[];
  required?: boolean;
}

export type TestValues = Record<string, string | number | boolean>;

const member = (withMembership = false): TestField[] => [
  { path: 'member.externalId', input: 'text', required: true },
  { path: 'member.firstName', input: 'text' },
  { path: 'member.lastName', input: 'text' },
  { path: 'member.phones', input: 'list' },
  { path: 'member.emails', input: 'list' },
  ...(withMembership
    ? [
        { path: 'member.birthDate', input: 'date' } as const,
        { path: 'member.membershipState', input: 'select', options: MEMBERSHIP_STATES } as const,
      ]
    : []),
];

const contract: TestField[] = [
  { path: 'contract.externalId', input: 'text', required: true },
  { path: 'contract.service', input: 'text', required: true },
  { path: 'contract.kind', input: 'select', options: CONTRACT_KINDS, required: true },
  { path: 'contract.state', input: 'select', options: CONTRACT_STATES, required: true },
  { path: 'contract.startsOn', input: 'date', required: true },
  { path: 'contract.endsOn', input: 'date' },
  { path: 'contract.price', input: 'number' },
  { path: 'contract.currency', input: 'text' },
  { path: 'contract.paid', input: 'boolean' },
  { path: 'contract.debt', input: 'number' },
  { path: 'contract.terminationOn', input: 'date' },
];

const payment = (failed: boolean): TestField[] => [
  { path: 'payment.externalId', input: 'text', required: true },
  { path: 'payment.amount', input: 'number', required: true },
  { path: 'payment.currency', input: 'text' },
  { path: 'payment.method.kind', input: 'select', options: PAYMENT_METHOD_KINDS },
  { path: 'payment.method.last4', input: 'text' },
  { path: 'payment.contractExternalId', input: 'text' },
  ...(failed ? [{ path: 'payment.reason', input: 'text' } as const] : []),
];

const call = (ended: boolean): TestField[] => [
  { path: 'call.externalId', input: 'text', required: true },
  { path: 'call.from', input: 'text', required: true },
  { path: 'call.line', input: 'text' },
  { path: 'call.branch', input: 'text' },
  ...(ended ? [{ path: 'call.durationSeconds', input: 'number' } as const] : []),
];

/** The fields of each event type, in the order a person fills them in. */
export const TEST_FIELDS: Record<ClubEventType, TestField[]> = {
  'member.upserted': member(true),
  'booking.created': [
    { path: 'booking.externalId', input: 'text', required: true },
    { path: 'booking.className', input: 'text', required: true },
    { path: 'booking.startsAt', input: 'datetime', required: true },
    { path: 'booking.trial', input: 'boolean' },
    ...member(),
  ],
  'booking.cancelled': [{ path: 'booking.externalId', input: 'text', required: true }, ...member()],
  'visit.checked_in': [
    { path: 'visit.externalId', input: 'text', required: true },
    { path: 'visit.at', input: 'datetime', required: true },
    { path: 'visit.branch', input: 'text' },
    ...member(),
  ],
  'contract.created': [...contract, ...member()],
  'contract.updated': [...contract, ...member()],
  'payment.succeeded': [...payment(false), ...member()],
  'payment.failed': [...payment(true), ...member()],
  'call.started': call(false),
  'call.ended': call(true),
  'call.missed': call(false),
};

const day = (d: Date) => d.toISOString().slice(0, 10);
/** `YYYY-MM-DDTHH:mm` in the browser's clock, as a datetime-local input holds it. */
const localMinute = (d: Date) => {
  const shifted = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

/**
 * Believable example values for every field, so a test can be sent with one click: a member
 * with a name and a phone, a yoga trial tonight, a card payment of 499.
 */
export function exampleValues(now: Date, currency: string): TestValues {
  const suffix = now.getTime().toString(36).slice(-5);
  const inAYear = new Date(now.getTime() + 364 * 86_400_000);
  const tonight = new Date(now);
  tonight.setHours(18, 0, 0, 0);
  return {
    'member.externalId': 'm-1001',
    'member.firstName': 'Anna',
    'member.lastName': 'Lindqvist',
    'member.phones': '+46 70 555 01 02',
    'member.emails': 'anna.lindqvist@example.com',
    'member.birthDate': '1990-04-12',
    'member.membershipState': 'member',
    'booking.externalId': `b-${suffix}`,
    'booking.className': 'Yoga Flow',
    'booking.startsAt': localMinute(tonight),
    'booking.trial': true,
    'visit.externalId': `v-${suffix}`,
    'visit.at': localMinute(now),
    'contract.externalId': 'c-2001',
    'contract.service': 'Gym 12 months',
    'contract.kind': 'fixed_term',
    'contract.state': 'active',
    'contract.startsOn': day(now),
    'contract.endsOn': day(inAYear),
    'contract.price': 4990,
    'contract.currency': currency,
    'contract.paid': true,
    'contract.debt': '',
    'contract.terminationOn': '',
    'payment.externalId': `p-${suffix}`,
    'payment.amount': 499,
    'payment.currency': currency,
    'payment.method.kind': 'card',
    'payment.method.last4': '4242',
    'payment.contractExternalId': 'c-2001',
    'payment.reason': 'Insufficient funds',
    'call.externalId': `call-${suffix}`,
    'call.from': '+46 70 555 01 02',
    'call.line': 'Reception',
    'call.durationSeconds': 95,
  };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let cur = target;
  for (const key of keys.slice(0, -1)) {
    cur[key] ??= {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

/** The event's `data` from the form: empty optional fields left out, lists split on commas. */
export function dataOf(type: ClubEventType, values: TestValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of TEST_FIELDS[type]) {
    const raw = values[field.path];
    if (field.input === 'boolean') {
      setPath(data, field.path, raw === true);
      continue;
    }
    if (raw === undefined || raw === '') continue;
    if (field.input === 'list') {
      const items = String(raw)
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length) setPath(data, field.path, items);
    } else if (field.input === 'number') {
      setPath(data, field.path, typeof raw === 'number' ? raw : Number(raw));
    } else if (field.input === 'datetime') {
      const at = new Date(String(raw));
      setPath(data, field.path, Number.isNaN(at.getTime()) ? String(raw) : at.toISOString());
    } else {
      setPath(data, field.path, raw);
    }
  }
  return data;
}

/** A field error of the server (`data.payment.amount`) as the form's field (`payment.amount`). */
export const formFieldOf = (serverPath: string) => serverPath.replace(/^data\./, '');
