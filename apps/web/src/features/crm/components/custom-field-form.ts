import {
  customFieldCreateSchema,
  customFieldOptionInputSchema,
  customFieldTypeSchema,
  type CustomField,
  type CustomFieldType,
} from '@spotter/contracts';
import { z } from 'zod';
import { newKey } from '../../../lib/reorder.ts';

/** One dropdown option in the form; `key` keeps React rows stable while they are reordered. */
export type OptionValues = {
  key: string;
  id?: string;
  name: string;
  abbreviation: string;
  color: string;
  background: string;
};

export type CustomFieldValues = {
  name: string;
  type: CustomFieldType;
  options: OptionValues[];
};

/**
 * The contract's rules, plus one of the form's own: a dropdown needs something to choose.
 * Paths match the API's (`options.0.name`) so server errors land on the same inputs.
 */
export const customFieldFormSchema = z
  .object({
    name: customFieldCreateSchema.shape.name,
    type: customFieldTypeSchema,
    options: z.array(customFieldOptionInputSchema.extend({ key: z.string() })).max(200),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'dropdown' && v.options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options_required' });
    }
  });

export const newOption = (): OptionValues => ({
  key: newKey(),
  name: '',
  abbreviation: '',
  color: '#1f2937',
  background: '#e5e7eb',
});

export const EMPTY_FIELD: CustomFieldValues = { name: '', type: 'text', options: [] };

export function valuesOfField(f: CustomField | null): CustomFieldValues {
  if (!f) return { ...EMPTY_FIELD, options: [] };
  return {
    name: f.name,
    type: f.type,
    options: f.options.map((o) => ({ key: o.id, ...o })),
  };
}

/** Options go to the API without the form's keys; existing ones keep their id (stored values). */
export function optionsBody(v: CustomFieldValues) {
  if (v.type !== 'dropdown') return [];
  return v.options.map(({ key: _key, id, ...rest }) => (id ? { id, ...rest } : rest));
}
