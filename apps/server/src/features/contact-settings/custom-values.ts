import type { CustomField, CustomValues, ErrorParams, FieldErrorCode } from '@spotter/contracts';
import { fieldError, type FieldErrors } from '../../lib/errors.ts';

/** Keeps stored numbers exact enough for money and far from float overflow. */
const MAX_NUMBER = 1e15;
const MAX_TEXT = 2000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Parsed =
  | { ok: true; value: string | number | null }
  | { ok: false; expected: string; code: FieldErrorCode; params?: ErrorParams };

/**
 * Numbers arrive typed (the API) or as text (CSV import, in the club's locale): accepts
 * "1 234,50", "1234.5", "-3"; refuses anything else rather than guessing.
 */
export function parseNumber(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  let s = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s.includes(',') && !s.includes('.')) {
    // A single comma is a decimal separator (sv, pl, ru, uk); several are thousands separators.
    s = (s.match(/,/g) ?? []).length === 1 ? s.replace(',', '.') : s.replaceAll(',', '');
  } else if (s.includes(',')) {
    s = s.replaceAll(',', '');
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    y >= 1 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && !value.trim());
}

function parseValue(field: CustomField, raw: unknown): Parsed {
  if (isEmpty(raw)) return { ok: true, value: null };
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number')
        return { ok: false, expected: 'text', code: 'invalid' };
      const text = String(raw).trim();
      return text.length > MAX_TEXT
        ? {
            ok: false,
            expected: `text of at most ${MAX_TEXT} characters`,
            code: 'too_long',
            params: { max: MAX_TEXT },
          }
        : { ok: true, value: text };
    }
    case 'number':
    case 'money': {
      const n = parseNumber(raw);
      if (n === undefined || Math.abs(n) >= MAX_NUMBER) {
        return {
          ok: false,
          expected: field.type === 'money' ? 'an amount' : 'a number',
          code: 'invalid_number',
        };
      }
      const value = field.type === 'money' ? Math.round((n + Math.sign(n) * 1e-9) * 100) / 100 : n;
      return { ok: true, value: Object.is(value, -0) ? 0 : value };
    }
    case 'date': {
      const s = typeof raw === 'string' ? raw.trim() : '';
      return isCalendarDate(s)
        ? { ok: true, value: s }
        : { ok: false, expected: 'a date (YYYY-MM-DD)', code: 'invalid_date' };
    }
    case 'dropdown': {
      if (typeof raw !== 'string') {
        return { ok: false, expected: 'one of its options', code: 'invalid_option' };
      }
      const s = raw.trim();
      // An option id (forms) or, for imports, an option's name in any case.
      const option =
        field.options.find((o) => o.id === s) ??
        field.options.find((o) => o.name.toLowerCase() === s.toLowerCase());
      return option
        ? { ok: true, value: option.id }
        : { ok: false, expected: 'one of its options', code: 'invalid_option' };
    }
  }
}

/**
 * Checks values against their fields' types without touching the database (the importer
 * calls it for every row). `null` in the result means "remove this value". A key that names
 * no active field is an error unless its value is empty (removing it is harmless).
 */
export function checkCustomValues(
  fields: CustomField[],
  values: Record<string, unknown>,
  prefix = 'custom',
): { values: CustomValues; errors: FieldErrors } {
  const byId = new Map(fields.filter((f) => !f.archived).map((f) => [f.id, f]));
  const out: CustomValues = {};
  const errors: FieldErrors = {};
  for (const [id, raw] of Object.entries(values)) {
    const key = `${prefix}.${id}`;
    const field = byId.get(id);
    if (!field) {
      if (isEmpty(raw) && UUID.test(id)) out[id] = null;
      else errors[key] = fieldError('unknown_field', 'Unknown custom field');
      continue;
    }
    const parsed = parseValue(field, raw);
    if (parsed.ok) out[id] = parsed.value;
    else {
      errors[key] = fieldError(
        parsed.code,
        `${field.name}: expected ${parsed.expected}`,
        parsed.params,
      );
    }
  }
  return { values: out, errors };
}
