import { isNoticeRule, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
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

/** Who a live rule tells: the staff of its role, or everyone on duty. */
export const toldWho = (c: ClubRuleConfig, t: TFunction) =>
  c.assigneeRole ? t(`common:roles.${c.assigneeRole}`) : t('rules.everyone');

/**
 * "1 day before, at 10:00", "at once", "no card" — a rule's timing in a few words; a rule that
 * tells staff live says whom.
 */
export function describeWhen(rule: ClubRule, c: ClubRuleConfig, t: TFunction): string {
  if (isNoticeRule(rule)) return t('rules.live', { who: toldWho(c, t) });
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
