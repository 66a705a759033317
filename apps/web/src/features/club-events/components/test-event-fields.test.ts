import { CLUB_EVENT_TYPES, clubEventSchema } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { dataOf, exampleValues, formFieldOf } from './test-event-fields.ts';

const now = new Date('2026-12-07T09:00:00Z');

describe('the test event form', () => {
  it("fills every type with example values the server's own schema accepts", () => {
    const values = exampleValues(now, 'SEK');
    for (const type of CLUB_EVENT_TYPES) {
      const event = {
        id: 'test_1',
        type,
        occurredAt: now.toISOString(),
        data: dataOf(type, values),
      };
      const parsed = clubEventSchema.safeParse(event);
      expect({ type, issues: parsed.error?.issues ?? [] }).toEqual({ type, issues: [] });
    }
  });

  it('nests fields by their path, splits lists and leaves empty optional fields out', () => {
    const data = dataOf('payment.failed', {
      ...exampleValues(now, 'EUR'),
      'payment.amount': 250,
      'payment.reason': '',
      'member.phones': '070-555 01 02, +46 70 555 01 03',
      'member.emails': '',
      'member.lastName': '',
    });
    expect(data).toEqual({
      payment: {
        externalId: expect.stringMatching(/^p-/),
        amount: 250,
        currency: 'EUR',
        method: { kind: 'card', last4: '4242' },
        contractExternalId: 'c-2001',
      },
      member: {
        externalId: 'm-1001',
        firstName: 'Anna',
        phones: ['070-555 01 02', '+46 70 555 01 03'],
      },
    });
  });

  it('turns a local date and time into an instant, and an unchecked box into false', () => {
    const data = dataOf('booking.created', {
      ...exampleValues(now, 'SEK'),
      'booking.startsAt': '2026-12-07T18:00',
      'booking.trial': false,
    });
    const booking = data.booking as Record<string, unknown>;
    expect(booking.startsAt).toBe(new Date('2026-12-07T18:00').toISOString());
    expect(booking.trial).toBe(false);
  });

  it("puts the server's field errors next to the form's fields", () => {
    expect(formFieldOf('data.payment.amount')).toBe('payment.amount');
    expect(formFieldOf('occurredAt')).toBe('occurredAt');
  });
});
