import type { DictionaryOption, ResultField } from '@spotter/contracts';
import { fieldError, type FieldError, type FieldErrors } from '../../lib/errors.ts';

export type FieldValue = string | number;

export interface CheckedFields {
  /** What is stored on the task: only the result's own fields, normalized. */
  values: Record<string, FieldValue>;
  /** `fields.<fieldId>` → its problem; empty when every field is fine. */
  errors: FieldErrors;
  /** Labels of the fields in error, in the result's order (for the message). */
  failed: string[];
  /** For the history entry: each filled field as the person reading the timeline sees it. */
  display: Array<{ label: string; value: string }>;
}

export const MAX_TEXT = 2000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

type Outcome = { value: FieldValue; shown: string } | { error: FieldError };

function checkOne(
  field: ResultField,
  raw: FieldValue,
  options: ReadonlyMap<string, readonly DictionaryOption[]>,
): Outcome {
  switch (field.type) {
    case 'date': {
      const v = String(raw).trim();
      return isCalendarDate(v)
        ? { value: v, shown: v }
        : { error: fieldError('invalid_date', 'Expected a date (YYYY-MM-DD)') };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : NUMBER.test(raw.trim()) ? Number(raw) : NaN;
      return Number.isFinite(n)
        ? { value: n, shown: String(n) }
        : { error: fieldError('invalid_number', 'Expected a number') };
    }
    case 'text': {
      const v = String(raw).trim();
      return v.length <= MAX_TEXT
        ? { value: v, shown: v }
        : { error: fieldError('too_long', `At most ${MAX_TEXT} characters`, { max: MAX_TEXT }) };
    }
    case 'choice': {
      const option = (options.get(field.dictionaryId ?? '') ?? []).find(
        (o) => o.id === raw && !o.archived,
      );
      return option
        ? { value: option.id, shown: option.name }
        : { error: fieldError('invalid_option', 'Pick one of the options') };
    }
  }
}

/**
 * T-4: a result's extra fields as entered. Required ones must be filled; dates are calendar
 * days, numbers finite, choices an active option of the field's dictionary, texts bounded.
 * Values for fields the result does not have are dropped.
 */
export function checkResultFields(
  fields: readonly ResultField[],
  input: Readonly<Record<string, FieldValue>>,
  options: ReadonlyMap<string, readonly DictionaryOption[]>,
): CheckedFields {
  const out: CheckedFields = { values: {}, errors: {}, failed: [], display: [] };
  for (const field of fields) {
    const raw = Object.hasOwn(input, field.id) ? input[field.id] : undefined;
    const empty = raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    const outcome: Outcome | null = empty
      ? field.required
        ? { error: fieldError('required', 'Required') }
        : null
      : checkOne(field, raw, options);
    if (!outcome) continue;
    if ('error' in outcome) {
      out.errors[`fields.${field.id}`] = outcome.error;
      out.failed.push(`${field.label}: ${outcome.error.message}`);
    } else {
      out.values[field.id] = outcome.value;
      out.display.push({ label: field.label, value: outcome.shown });
    }
  }
  return out;
}
