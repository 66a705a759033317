/**
 * The events bench/events.bench.ts sends (plain JavaScript: its load worker runs without a
 * TypeScript loader): the n-th of a mix of a club's day — failed payments and contract updates
 * of 5,000 known members (each keeps their phone), their visits, and calls, one in ten from a
 * number nobody has.
 */

/**
 * @param {number} n
 * @param {string[]} phones
 */
export function clubEvent(n, phones) {
  const occurredAt = new Date().toISOString();
  const phone = phones[n % phones.length];
  switch (n % 4) {
    case 0:
      return {
        type: 'payment.failed',
        occurredAt,
        data: {
          payment: { externalId: `p-${n}`, amount: 499, currency: 'SEK', reason: 'Declined' },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
    case 1:
      return {
        type: 'visit.checked_in',
        occurredAt,
        data: {
          visit: { externalId: `v-${n}`, at: occurredAt },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
    case 2:
      return {
        type: 'call.started',
        occurredAt,
        // Every tenth call is from a number nobody has: a lead and a card.
        data: {
          call: {
            externalId: `c-${n}`,
            from: n % 40 === 2 ? `+4673${String(n).padStart(7, '0')}` : phone,
          },
        },
      };
    default:
      return {
        type: 'contract.updated',
        occurredAt,
        data: {
          contract: {
            externalId: `k-${n % 5000}`,
            kind: 'fixed_term',
            service: 'Gym 12 months',
            startsOn: '2026-01-01',
            endsOn: '2027-03-31',
            paid: true,
            state: 'active',
          },
          member: { externalId: `m-${n % 5000}`, phones: [phone] },
        },
      };
  }
}
