import { DEFAULT_CLUB_RULES } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeWhen, joinOffset, splitOffset } from './rule-when.ts';

const t = ((key: string, opts?: Record<string, unknown>) =>
  `${key}${opts ? JSON.stringify(opts) : ''}`) as unknown as TFunction;

describe("a rule's timing", () => {
  it('shows an offset in whole days, else hours, else minutes, and puts it back the same', () => {
    expect(splitOffset(-1440)).toEqual({ amount: 1, unit: 'days', before: true });
    expect(splitOffset(-14_400)).toEqual({ amount: 10, unit: 'days', before: true });
    expect(splitOffset(120)).toEqual({ amount: 2, unit: 'hours', before: false });
    expect(splitOffset(15)).toEqual({ amount: 15, unit: 'minutes', before: false });
    expect(splitOffset(0)).toEqual({ amount: 0, unit: 'minutes', before: false });
    for (const minutes of [-1440, -14_400, 120, 15, 0, -90]) {
      const { amount, unit, before } = splitOffset(minutes);
      expect(joinOffset(amount, unit, before)).toBe(minutes);
    }
  });

  it('says when the card is due, or that the rule makes none', () => {
    expect(describeWhen('contract_ending', DEFAULT_CLUB_RULES.contract_ending, t)).toBe(
      `rules.withTime${JSON.stringify({
        offset: `rules.before${JSON.stringify({
          amount: `rules.units.days${JSON.stringify({ count: 1 })}`,
          moment: 'rules.moment.contract_ending',
        })}`,
        time: '10:00',
      })}`,
    );
    expect(describeWhen('payment_failed', DEFAULT_CLUB_RULES.payment_failed, t)).toBe(
      'rules.atOnce',
    );
    expect(describeWhen('trial_booking', DEFAULT_CLUB_RULES.trial_booking, t)).toBe('rules.noCard');
  });

  it('says whom a live rule tells', () => {
    expect(describeWhen('known_call', DEFAULT_CLUB_RULES.known_call, t)).toBe(
      `rules.live${JSON.stringify({ who: 'rules.everyone' })}`,
    );
    expect(describeWhen('check_in', DEFAULT_CLUB_RULES.check_in, t)).toBe(
      `rules.live${JSON.stringify({ who: 'common:roles.reception' })}`,
    );
  });
});
