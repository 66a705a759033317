import {
  taskTemplateCreateSchema,
  taskTypeSchema,
  type TaskTemplate,
  type TaskTemplateCreate,
  type TaskType,
} from '@spotter/contracts';
import { z } from 'zod';
import { i18n } from '../../../lib/i18n.ts';
import {
  MAX_OFFSET_MINUTES,
  minutesToOffset,
  offsetToMinutes,
  OFFSET_UNITS,
  type OffsetUnit,
} from './due-offset.ts';

/** `none`: the template sets no due time and whoever creates the task picks one. */
export type DueUnitChoice = OffsetUnit | 'none';

export type TemplateValues = {
  type: TaskType;
  name: string;
  defaultComment: string;
  defaultAssigneeId: string | null;
  dueAmount: number | string;
  dueUnit: DueUnitChoice;
  color: string;
  background: string;
  callTemplateId: string | null;
};

export const emptyTemplate = (type: TaskType = 'call'): TemplateValues => ({
  type,
  name: '',
  defaultComment: '',
  defaultAssigneeId: null,
  dueAmount: 1,
  dueUnit: 'none',
  color: '#1f2937',
  background: '#e5e7eb',
  callTemplateId: null,
});

export function valuesOfTemplate(t: TaskTemplate | null, type?: TaskType): TemplateValues {
  if (!t) return emptyTemplate(type);
  const offset = minutesToOffset(t.dueOffsetMinutes);
  return {
    type: t.type,
    name: t.name,
    defaultComment: t.defaultComment,
    defaultAssigneeId: t.defaultAssigneeId,
    dueAmount: offset?.amount ?? 1,
    dueUnit: offset?.unit ?? 'none',
    color: t.color,
    background: t.background,
    callTemplateId: t.callTemplateId,
  };
}

const shape = taskTemplateCreateSchema.shape;

/** The contract's rules, with the offset checked in the units the admin types it in. */
export const templateFormSchema = z
  .object({
    type: taskTypeSchema,
    name: shape.name,
    defaultComment: shape.defaultComment,
    defaultAssigneeId: z.string().nullable(),
    dueAmount: z.union([z.number(), z.string()]),
    dueUnit: z.enum(['none', ...OFFSET_UNITS]),
    color: shape.color,
    background: shape.background,
    callTemplateId: z.string().nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.dueUnit === 'none') return;
    const amount = typeof v.dueAmount === 'number' ? v.dueAmount : Number.NaN;
    if (!Number.isFinite(amount) || amount < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueAmount'],
        message: i18n.t('common:validation.required'),
      });
    } else if (offsetToMinutes(amount, v.dueUnit) > MAX_OFFSET_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['dueAmount'],
        message: i18n.t('taskSettings:templates.offsetTooLong'),
      });
    }
  });

/** The request body; the type is only sent when creating (it is fixed afterwards). */
export function templateBody(v: TemplateValues): TaskTemplateCreate {
  const amount = typeof v.dueAmount === 'number' ? v.dueAmount : 0;
  return {
    type: v.type,
    name: v.name.trim(),
    defaultComment: v.defaultComment.trim(),
    defaultAssigneeId: v.defaultAssigneeId,
    dueOffsetMinutes: v.dueUnit === 'none' ? null : offsetToMinutes(amount, v.dueUnit),
    color: v.color,
    background: v.background,
    // Only a call round hands its calls a template of their own.
    callTemplateId: v.type === 'round' ? v.callTemplateId : null,
  };
}

/** The server names the offset in minutes; the form shows it next to the amount. */
export function templateFieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    out[key === 'dueOffsetMinutes' ? 'dueAmount' : key] = message;
  }
  return out;
}
