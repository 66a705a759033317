import {
  DEAL_OUTCOMES,
  DUE_OFFSET_UNITS,
  NEXT_ASSIGNEES,
  RESULT_FIELD_TYPES,
  taskResultCreateSchema,
  type DealOutcome,
  type ResultFieldType,
  type TaskResult,
  type TaskResultCreate,
} from '@spotter/contracts';
import { z } from 'zod';
import { i18n } from '../../../lib/i18n.ts';
import { newKey } from '../../../lib/reorder.ts';

export type DueOffsetUnit = (typeof DUE_OFFSET_UNITS)[number];
export type NextAssignee = (typeof NEXT_ASSIGNEES)[number];

/** One extra field in the form; `key` keeps React rows stable while they are reordered. */
export type FieldValues = {
  key: string;
  id?: string;
  label: string;
  type: ResultFieldType;
  required: boolean;
  dictionaryId: string | null;
};

/**
 * Paths mirror the API's (`fields.0.label`, `next.templateId`, `next.offset.amount`), so the
 * server's field errors land on the same inputs. `hasNext` switches the workflow on and off
 * without losing what was picked.
 */
export type ResultValues = {
  name: string;
  color: string;
  background: string;
  fields: FieldValues[];
  hasNext: boolean;
  next: {
    templateId: string | null;
    offset: { unit: DueOffsetUnit; amount: number | string };
    assignTo: NextAssignee;
    userId: string | null;
    /** The `key` of the date field the step counts from; null: when the result is entered. */
    fromFieldKey: string | null;
  };
  /** What the result does to the task's deal, if the task has one. */
  dealOutcome: DealOutcome | null;
};

export const newField = (): FieldValues => ({
  key: newKey(),
  label: '',
  type: 'text',
  required: false,
  dictionaryId: null,
});

const EMPTY_NEXT: ResultValues['next'] = {
  templateId: null,
  offset: { unit: 'days', amount: 1 },
  assignTo: 'same',
  userId: null,
  fromFieldKey: null,
};

export function valuesOfResult(r: TaskResult | null): ResultValues {
  if (!r) {
    return {
      name: '',
      color: '#1f2937',
      background: '#e5e7eb',
      fields: [],
      hasNext: false,
      next: { ...EMPTY_NEXT, offset: { ...EMPTY_NEXT.offset } },
      dealOutcome: null,
    };
  }
  return {
    name: r.name,
    color: r.color,
    background: r.background,
    fields: r.fields.map((f) => ({ key: f.id, ...f })),
    hasNext: r.next !== null,
    next: r.next
      ? {
          templateId: r.next.templateId,
          offset: { unit: r.next.offset.unit, amount: r.next.offset.amount },
          assignTo: r.next.assignTo,
          userId: r.next.userId,
          // A saved field's key is its id.
          fromFieldKey: r.next.fromFieldId ?? null,
        }
      : { ...EMPTY_NEXT, offset: { ...EMPTY_NEXT.offset } },
    dealOutcome: r.dealOutcome,
  };
}

/** Where the date field a next step counts from is in the form; -1 if gone or not a date. */
const fromFieldIndex = (
  fields: readonly Pick<FieldValues, 'key' | 'type'>[],
  key: string | null,
) => (key === null ? -1 : fields.findIndex((f) => f.key === key && f.type === 'date'));

const required = () => i18n.t('common:validation.required');
const shape = taskResultCreateSchema.shape;

export const resultFormSchema = z
  .object({
    name: shape.name,
    color: shape.color,
    background: shape.background,
    fields: z.array(
      z.object({
        key: z.string(),
        label: z.string().trim().min(1).max(80),
        type: z.enum(RESULT_FIELD_TYPES),
        required: z.boolean(),
        dictionaryId: z.string().nullable(),
      }),
    ),
    hasNext: z.boolean(),
    next: z.object({
      templateId: z.string().nullable(),
      offset: z.object({
        unit: z.enum(DUE_OFFSET_UNITS),
        amount: z.union([z.number(), z.string()]),
      }),
      assignTo: z.enum(NEXT_ASSIGNEES),
      userId: z.string().nullable(),
      fromFieldKey: z.string().nullable(),
    }),
    dealOutcome: z.enum(DEAL_OUTCOMES).nullable(),
  })
  .superRefine((v, ctx) => {
    v.fields.forEach((f, i) => {
      if (f.type === 'choice' && !f.dictionaryId) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'dictionaryId'], message: required() });
      }
    });
    if (!v.hasNext) return;
    const { next } = v;
    if (!next.templateId) {
      ctx.addIssue({ code: 'custom', path: ['next', 'templateId'], message: required() });
    }
    const amount = next.offset.amount;
    const wholeAmount = typeof amount === 'number' && Number.isInteger(amount);
    if (next.offset.unit !== 'next_working_day' && (!wholeAmount || amount < 0 || amount > 1000)) {
      ctx.addIssue({
        code: 'custom',
        path: ['next', 'offset', 'amount'],
        message: i18n.t('taskSettings:results.amountRange', { max: 1000 }),
      });
    }
    if (next.assignTo === 'user' && !next.userId) {
      ctx.addIssue({ code: 'custom', path: ['next', 'userId'], message: required() });
    }
    if (next.fromFieldKey !== null && fromFieldIndex(v.fields, next.fromFieldKey) < 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['next', 'fromFieldKey'],
        message: i18n.t('taskSettings:results.fromFieldMissing'),
      });
    }
  });

/**
 * The date field as the API takes it: a saved field by its id, a new one (no id yet) by its
 * position among the fields sent with it.
 */
function fromFieldOf(v: ResultValues) {
  const index = fromFieldIndex(v.fields, v.next.fromFieldKey);
  if (index < 0) return { fromFieldId: null };
  const id = v.fields[index]!.id;
  return id ? { fromFieldId: id } : { fromFieldId: null, fromFieldIndex: index };
}

/** The request body: fields keep their ids (stored values use them), the workflow only if on. */
export function resultBody(v: ResultValues): TaskResultCreate {
  const { next } = v;
  const amount = typeof next.offset.amount === 'number' ? next.offset.amount : 0;
  return {
    name: v.name.trim(),
    color: v.color,
    background: v.background,
    fields: v.fields.map(({ key: _key, id, ...f }) => ({
      ...(id ? { id } : {}),
      label: f.label.trim(),
      type: f.type,
      required: f.required,
      dictionaryId: f.type === 'choice' ? f.dictionaryId : null,
    })),
    next:
      v.hasNext && next.templateId
        ? {
            templateId: next.templateId,
            offset: {
              unit: next.offset.unit,
              amount: next.offset.unit === 'next_working_day' ? 0 : amount,
            },
            assignTo: next.assignTo,
            userId: next.assignTo === 'user' ? next.userId : null,
            ...fromFieldOf(v),
          }
        : null,
    dealOutcome: v.dealOutcome,
  };
}
