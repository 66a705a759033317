import type { NextStep, ResultField, TaskTemplate } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { minutesToOffset } from './due-offset.ts';

type T = TFunction<'taskSettings'>;

/** "2 days", "90 minutes": an offset in the unit it was typed in. */
export function offsetText(t: T, minutes: number): string {
  const o = minutesToOffset(minutes);
  return o ? t(`units.${o.unit}`, { count: o.amount }) : '';
}

/** A template's default due time as the templates table says it. */
export function dueDefaultText(t: T, minutes: number | null): string {
  if (minutes === null) return t('templates.dueNoneShort');
  if (minutes === 0) return t('templates.dueAtOnce');
  return t('templates.dueIn', { offset: offsetText(t, minutes) });
}

type WhenKey =
  | 'in'
  | 'inDays'
  | 'atOnce'
  | 'nextWorkingDay'
  | 'afterField'
  | 'onField'
  | 'nextWorkingDayAfterField';

function whenKey(unit: NextStep['offset']['unit'], amount: number, fromField: boolean): WhenKey {
  if (unit === 'next_working_day') return fromField ? 'nextWorkingDayAfterField' : 'nextWorkingDay';
  if (fromField) return amount === 0 ? 'onField' : 'afterField';
  if (amount === 0) return 'atOnce';
  return unit === 'days' ? 'inDays' : 'in';
}

/**
 * "Check the purchase in 2 days at 10:00 · same staff member": what entering the result
 * creates, and from when it counts (the result's own date field, by its label).
 */
export function nextStepText(
  t: T,
  next: NextStep,
  ctx: {
    templates: readonly Pick<TaskTemplate, 'id' | 'name'>[];
    fields: readonly Pick<ResultField, 'id' | 'label'>[];
    staffName: (id: string) => string | undefined;
    /** When the club's working day starts, as the UI language writes it. */
    workdayStart: string;
  },
): string {
  const template = ctx.templates.find((x) => x.id === next.templateId)?.name ?? '—';
  const field = next.fromFieldId
    ? ctx.fields.find((f) => f.id === next.fromFieldId)?.label
    : undefined;
  const { unit, amount } = next.offset;
  const vars = {
    template,
    time: ctx.workdayStart,
    offset: t(`units.${unit === 'next_working_day' ? 'days' : unit}`, { count: amount }),
    field,
  };
  const when = t(`results.when.${whenKey(unit, amount, field !== undefined)}`, vars);
  const who =
    next.assignTo === 'user'
      ? (next.userId && ctx.staffName(next.userId)) || '—'
      : t(`results.assignTo.${next.assignTo}`);
  return `${when} · ${who}`;
}

/** "Trial date*, Activities": the extra fields, required ones starred. */
export const fieldsText = (fields: readonly ResultField[]) =>
  fields.map((f) => (f.required ? `${f.label}*` : f.label)).join(', ');
