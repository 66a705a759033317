import type { ClubEventIn, ClubEventType, Locale } from '@spotter/contracts';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { clubDate, startOfClubDay } from '../../lib/club-time.ts';
import { storeDemoEvents } from '../club-events/index.ts';
import { contactStatuses, getCrmSettings } from '../contact-settings/index.ts';
import { contacts } from '../contacts/index.ts';
import { DEMO_CRM, demoPhone } from './demo-crm-names.ts';
import { random, type Random } from './demo-contacts.ts';

/** The demo's connected systems and what their members buy and book, in each language. */
const WORDS: Record<
  Locale,
  {
    booking: string;
    telephony: string;
    services: { fixed: string; monthly: string[] };
    classes: string[];
    declined: string;
  }
> = {
  en: {
    booking: 'Booking and membership system (demo)',
    telephony: 'Telephony (demo)',
    services: { fixed: 'Basic, 12 months', monthly: ['Premium, monthly', 'Family, monthly'] },
    classes: ['Yoga', 'Spinning', 'Zumba', 'Pilates', 'Kids dance'],
    declined: 'Card declined',
  },
  sv: {
    booking: 'Boknings- och medlemssystem (demo)',
    telephony: 'Telefoni (demo)',
    services: { fixed: 'Bas, 12 månader', monthly: ['Premium, månadsvis', 'Familj, månadsvis'] },
    classes: ['Yoga', 'Spinning', 'Zumba', 'Pilates', 'Barndans'],
    declined: 'Kortet nekades',
  },
  pl: {
    booking: 'System rezerwacji i karnetów (demo)',
    telephony: 'Telefonia (demo)',
    services: {
      fixed: 'Podstawowy, 12 miesięcy',
      monthly: ['Premium, miesięczny', 'Rodzinny, miesięczny'],
    },
    classes: ['Joga', 'Spinning', 'Zumba', 'Pilates', 'Taniec dla dzieci'],
    declined: 'Karta odrzucona',
  },
  ru: {
    booking: 'Система бронирования и абонементов (демо)',
    telephony: 'Телефония (демо)',
    services: {
      fixed: 'Базовый, 12 месяцев',
      monthly: ['Премиум, ежемесячно', 'Семейный, ежемесячно'],
    },
    classes: ['Йога', 'Сайкл', 'Зумба', 'Пилатес', 'Детские танцы'],
    declined: 'Карта отклонена',
  },
  uk: {
    booking: 'Система бронювання та абонементів (демо)',
    telephony: 'Телефонія (демо)',
    services: {
      fixed: 'Базовий, 12 місяців',
      monthly: ['Преміум, щомісяця', 'Сімейний, щомісяця'],
    },
    classes: ['Йога', 'Сайкл', 'Зумба', 'Пілатес', 'Дитячі танці'],
    declined: 'Картку відхилено',
  },
};

const CURRENCY: Record<Locale, string> = { en: 'GBP', sv: 'SEK', pl: 'PLN', ru: 'RUB', uk: 'UAH' };
const PRICE: Record<Locale, { fixed: number; monthly: number }> = {
  en: { fixed: 420, monthly: 45 },
  sv: { fixed: 4990, monthly: 499 },
  pl: { fixed: 1490, monthly: 149 },
  ru: { fixed: 29900, monthly: 2990 },
  uk: { fixed: 9900, monthly: 990 },
};

/** How many of the demo's members the booking system knows. */
export const DEMO_SYSTEM_MEMBERS = 36;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An ISO day `n` days after `day`. */
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);

interface Member {
  externalId: string;
  firstName: string;
  lastName: string;
  phones: string[];
  emails: string[];
}

/**
 * A club whose booking and membership system and telephony have been connected for a few
 * months: members' contracts, payments, visits and bookings, and this week's happenings that
 * the rules turn into cards — a fixed-term contract ending tomorrow, a recurring one in debt
 * and to be terminated in 10 days, a card payment that failed this morning, an online
 * purchase left unpaid, a trial-class booking by someone new, and a call from an unknown
 * number. Stored as the systems would deliver them; the job runner runs the rules.
 */
export async function seedDemoClubEvents(
  db: Db,
  input: { orgId: string; locale: Locale; timezone: string; sessionSecret: string; now?: Date },
): Promise<{ events: number }> {
  const { orgId, locale, timezone, sessionSecret } = input;
  const now = input.now ?? new Date();
  const w = WORDS[locale] ?? WORDS.en;
  const currency = CURRENCY[locale] ?? 'EUR';
  const price = PRICE[locale] ?? PRICE.en;
  const r = random(`${orgId}/club-events`);
  const { phoneRegion } = await getCrmSettings(db, orgId);

  // The club's customers (the second person status, as the demo CRM gives it).
  const statuses = await db
    .select({ id: contactStatuses.id })
    .from(contactStatuses)
    .where(and(eq(contactStatuses.orgId, orgId), eq(contactStatuses.entity, 'person')))
    .orderBy(asc(contactStatuses.position));
  const customer = statuses[1]?.id;
  if (!customer) return { events: 0 };
  const rows = await db
    .select({
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      phones: contacts.phones,
      emails: contacts.emails,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.kind, 'person'),
        eq(contacts.statusId, customer),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(DEMO_SYSTEM_MEMBERS);
  const members: Member[] = rows.map((c, i) => ({
    externalId: `M-${10_001 + i}`,
    firstName: c.firstName,
    lastName: c.lastName,
    phones: c.phones.map((p) => p.number),
    emails: c.emails.map((e) => e.email),
  }));

  const today = clubDate(now, timezone);
  const booking: ClubEventIn[] = [];
  const telephony: ClubEventIn[] = [];
  let n = 0;
  const event = (
    to: ClubEventIn[],
    type: ClubEventType,
    at: Date,
    data: Record<string, unknown>,
  ) => {
    n++;
    to.push({ id: `demo-${n}`, type, version: 1, occurredAt: at.toISOString(), data });
  };
  const ago = (ms: number) => new Date(now.getTime() - ms);
  /** Within the club's day, `days` ago, at a plausible time. */
  const dayAgo = (days: number, rnd: Random) =>
    ago(days * DAY - (rnd.int(10) - 5) * HOUR - rnd.int(60) * 60_000);

  members.forEach((m, i) => {
    const person = { ...m };
    const since = 40 + r.int(140);
    event(booking, 'member.upserted', dayAgo(since, r), {
      member: { ...person, membershipState: 'member' },
    });
    const fixed = i % 3 === 0;
    const startsOn = addDays(today, -since);
    const contract = {
      externalId: `C-${20_001 + i}`,
      kind: fixed ? 'fixed_term' : 'recurring',
      service: fixed ? w.services.fixed : r.pick(w.services.monthly),
      startsOn,
      ...(fixed ? { endsOn: addDays(startsOn, 365) } : {}),
      price: fixed ? price.fixed : price.monthly,
      currency,
      paid: true,
      state: 'active',
    };
    event(booking, 'contract.created', dayAgo(since, r), { contract, member: person });
    const method = fixed
      ? { kind: 'card', last4: String(1000 + r.int(9000)) }
      : { kind: 'direct_debit', last4: String(1000 + r.int(9000)) };
    const payments = fixed
      ? [since]
      : [since, since - 30, since - 60, since - 90].filter((d) => d > 0);
    payments.forEach((d, k) =>
      event(booking, 'payment.succeeded', dayAgo(d, r), {
        payment: {
          externalId: `P-${30_001 + i * 10 + k}`,
          amount: contract.price,
          currency,
          method,
          contractExternalId: contract.externalId,
        },
        member: person,
      }),
    );
    const visits = 1 + r.int(6);
    for (let k = 0; k < visits; k++) {
      event(booking, 'visit.checked_in', dayAgo(1 + r.int(28), r), {
        visit: {
          externalId: `V-${40_001 + i * 10 + k}`,
          at: dayAgo(1 + r.int(28), r).toISOString(),
        },
        member: person,
      });
    }
    if (r.chance(0.5)) {
      const startsAt = new Date(now.getTime() + (1 + r.int(6)) * DAY + r.int(8) * HOUR);
      event(booking, 'booking.created', ago(r.int(3) * DAY + HOUR), {
        booking: {
          externalId: `B-${50_001 + i}`,
          className: r.pick(w.classes),
          startsAt: startsAt.toISOString(),
          trial: false,
        },
        member: person,
      });
    }
  });

  // This week: what the rules turn into cards.
  const [ending, inDebt, failed, unpaid] = members;
  if (ending) {
    event(booking, 'contract.updated', ago(2 * HOUR), {
      contract: {
        externalId: `C-${20_001}`,
        kind: 'fixed_term',
        service: w.services.fixed,
        startsOn: addDays(today, -364),
        endsOn: addDays(today, 1),
        price: price.fixed,
        currency,
        paid: true,
        state: 'active',
      },
      member: ending,
    });
  }
  if (inDebt) {
    event(booking, 'contract.updated', ago(3 * HOUR), {
      contract: {
        externalId: `C-${20_002}`,
        kind: 'recurring',
        service: w.services.monthly[0]!,
        startsOn: addDays(today, -120),
        price: price.monthly,
        currency,
        paid: false,
        debt: price.monthly * 2,
        terminationOn: addDays(today, 10),
        state: 'active',
      },
      member: inDebt,
    });
  }
  if (failed) {
    event(booking, 'payment.failed', ago(Math.min(3 * HOUR, 10 * 60_000 + r.int(HOUR))), {
      payment: {
        externalId: `P-${39_001}`,
        amount: price.monthly,
        currency,
        method: { kind: 'card', last4: '4242' },
        contractExternalId: `C-${20_003}`,
        reason: w.declined,
      },
      member: failed,
    });
  }
  if (unpaid) {
    event(booking, 'contract.created', ago(40 * 60_000), {
      contract: {
        externalId: `C-${29_001}`,
        kind: 'recurring',
        service: w.services.monthly[1]!,
        startsOn: today,
        price: price.monthly,
        currency,
        paid: false,
        state: 'pending',
      },
      member: unpaid,
    });
  }
  // Someone new books a trial class for tomorrow evening.
  const words = DEMO_CRM[locale] ?? DEMO_CRM.en;
  const [firstName, female] = r.pick(words.firstNames);
  const lastName = r.pick(words.lastNames)[female ? 1 : 0];
  event(booking, 'booking.created', ago(50 * 60_000), {
    booking: {
      externalId: `B-${59_001}`,
      className: w.classes[0]!,
      startsAt: new Date(
        startOfClubDay(addDays(today, 1), timezone).getTime() + 18 * HOUR,
      ).toISOString(),
      trial: true,
    },
    member: {
      externalId: `M-${19_001}`,
      firstName,
      lastName,
      phones: [demoPhone(phoneRegion, 5_500_001)],
    },
  });
  // A call from a number nobody knows, and one from a member.
  event(telephony, 'call.missed', ago(25 * 60_000), {
    call: { externalId: 'CALL-1', from: demoPhone(phoneRegion, 5_500_002) },
  });
  if (members[4]) {
    event(telephony, 'call.ended', ago(4 * HOUR), {
      call: { externalId: 'CALL-2', from: members[4].phones[0] ?? '', durationSeconds: 184 },
    });
  }

  const byTime = (a: ClubEventIn, b: ClubEventIn) =>
    Date.parse(a.occurredAt!) - Date.parse(b.occurredAt!);
  const stored = await storeDemoEvents(db, {
    orgId,
    sessionSecret,
    source: { name: w.booking, kind: 'membership' },
    events: booking.sort(byTime),
    now,
  });
  const calls = await storeDemoEvents(db, {
    orgId,
    sessionSecret,
    source: { name: w.telephony, kind: 'telephony' },
    events: telephony.filter((e) => (e.data as { call: { from: string } }).call.from).sort(byTime),
    now,
  });
  return { events: stored.stored + calls.stored };
}
