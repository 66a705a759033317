import type { ResultField } from '@spotter/contracts';

/** What a result field's input holds: a text, a date `YYYY-MM-DD`, a number, an option id. */
export type FieldValue = string | number | null | undefined;
export type FieldValues = Record<string, FieldValue>;

const isEmpty = (v: FieldValue) => v === null || v === undefined || String(v).trim() === '';

/** The values the API takes: only the result's own fields, blanks left out, texts trimmed. */
export function toResultFields(
  fields: ResultField[],
  values: FieldValues,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of fields) {
    const v = values[field.id];
    if (isEmpty(v)) continue;
    if (field.type === 'number') {
      const n = typeof v === 'number' ? v : Number(String(v).replace(',', '.'));
      if (Number.isFinite(n)) out[field.id] = n;
    } else {
      out[field.id] = String(v).trim();
    }
  }
  return out;
}

/** The form key of a field's error; the server names it the same way (`fields.<fieldId>`). */
export const fieldKey = (fieldId: string) => `fields.${fieldId}`;

/** Required fields left blank (or a number that is not one), as form errors. */
export function missingFields(
  fields: ResultField[],
  values: FieldValues,
  messages: { required: string; invalid: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const given = toResultFields(fields, values);
  for (const field of fields) {
    if (field.id in given) continue;
    if (!isEmpty(values[field.id])) errors[fieldKey(field.id)] = messages.invalid;
    else if (field.required) errors[fieldKey(field.id)] = messages.required;
  }
  return errors;
}

/** A stored value as text for a task's details (choices by their option's name). */
export function describeFieldValue(
  field: ResultField | undefined,
  value: string | number,
  optionName: (dictionaryId: string, optionId: string) => string | undefined,
  formatDay: (day: string) => string,
): string {
  if (!field) return String(value);
  if (field.type === 'choice' && field.dictionaryId && typeof value === 'string') {
    return optionName(field.dictionaryId, value) ?? value;
  }
  if (field.type === 'date' && typeof value === 'string') return formatDay(value);
  return String(value);
}
