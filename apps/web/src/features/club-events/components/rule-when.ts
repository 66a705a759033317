import type { ClubRule, ClubRuleConfig } from '@spotter/contracts';
import type { TFunction } from 'i18next';

const DAY = 24 * 60;

/** An offset in minutes as the form shows it: whole days, else whole hours, else minutes. */
export function splitOffset(minutes: number): {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  before: boolean;
} {
  const abs = Math.abs(minutes);
  const before = minutes < 0;
  if (abs > 0 && abs % DAY === 0) return { amount: abs / DAY, unit: 'days', before };
  if (abs > 0 && abs % 60 === 0) return { amount: abs / 60, unit: 'hours', before };
  return { amount: abs, unit: 'minutes', before };
}

export function joinOffset(amount: number, unit: 'minutes' | 'hours' | 'days', before: boolean) {
  const minutes = amount * (unit === 'days' ? DAY : unit === 'hours' ? 60 : 1);
  return before ? -minutes : minutes;
}

/** "1 day before, at 10:00", "at once", "no card" — a rule's timing in a few words. */
export function describeWhen(rule: ClubRule, c: ClubRuleConfig, t: TFunction): string {
  if (!c.task) return t('rules.noCard');
  const { amount, unit, before } = splitOffset(c.offsetMinutes);
  const offset =
    amount === 0
      ? t('rules.atOnce')
      : t(before ? 'rules.before' : 'rules.after', {
          amount: t(`rules.units.${unit}`, { count: amount }),
          moment: t(`rules.moment.${rule}`),
        });
  return c.timeOfDay ? t('rules.withTime', { offset, time: c.timeOfDay }) : offset;
}
