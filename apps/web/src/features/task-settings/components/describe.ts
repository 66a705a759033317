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

/** "Check the purchase in 2 days · same staff member": what entering the result creates. */
export function nextStepText(
  t: T,
  next: NextStep,
  templates: readonly Pick<TaskTemplate, 'id' | 'name'>[],
  staffName: (id: string) => string | undefined,
): string {
  const template = templates.find((x) => x.id === next.templateId)?.name ?? '—';
  const when =
    next.offset.unit === 'next_working_day'
      ? t('results.when.nextWorkingDay', { template })
      : next.offset.amount === 0
        ? t('results.when.atOnce', { template })
        : t('results.when.in', {
            template,
            offset: t(`units.${next.offset.unit}`, { count: next.offset.amount }),
          });
  const who =
    next.assignTo === 'user'
      ? (next.userId && staffName(next.userId)) || '—'
      : t(`results.assignTo.${next.assignTo}`);
  return `${when} · ${who}`;
}

/** "Trial date*, Activities": the extra fields, required ones starred. */
export const fieldsText = (fields: readonly ResultField[]) =>
  fields.map((f) => (f.required ? `${f.label}*` : f.label)).join(', ');
