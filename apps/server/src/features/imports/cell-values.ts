import { emailSchema, type CustomField, type ImportRowErrorCode } from '@spotter/contracts';

/** Pure readers for one CSV cell; each returns the value or an error message. */
export type Read<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; code: ImportRowErrorCode; params: Record<string, string> };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
/** The English message for the API, and a code with params the UI translates. */
const fail = (
  message: string,
  code: ImportRowErrorCode,
  params: Record<string, string> = {},
): Read<never> => ({
  ok: false,
  message,
  code,
  params,
});

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as clubs' spreadsheets write it: 2001-03-14, 2001/3/14, 14.03.2001, 14/03/2001,
 * 14-03-2001 (day first, as in every market we serve), or 20010314. → "YYYY-MM-DD".
 */
export function readDate(raw: string): Read<string> {
  const s = raw.trim().replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return fail('Invalid date (use YYYY-MM-DD or DD.MM.YYYY)', 'invalid_date', { value: s });
  }
  if (!isRealDate(y, m, d)) {
    return fail('Invalid date (use YYYY-MM-DD or DD.MM.YYYY)', 'invalid_date', { value: s });
  }
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** "1 234,50", "1,234.50", "1234.5", "-12" → a number; currency signs and codes are dropped. */
export function readNumber(raw: string, allowCurrency = false): Read<number> {
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (allowCurrency) {
    s = s
      .replace(/^[^\d+-]+/, '')
      .replace(/[^\d.,]+$/, '')
      .replace(/^([+-]?)[^\d.,]+/, '$1');
  }
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    s = lastComma > lastDot ? s.replaceAll('.', '').replace(',', '.') : s.replaceAll(',', '');
  } else if (lastComma >= 0) {
    s = s.indexOf(',') === lastComma ? s.replace(',', '.') : s.replaceAll(',', '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s))
    return fail('Not a number', 'not_number', { value: raw });
  const n = Number(s);
  if (!Number.isFinite(n) || Math.abs(n) > 1e15) {
    return fail('Not a number', 'not_number', { value: raw });
  }
  return ok(n);
}

const YES = new Set(['yes', 'y', '1', 'true', 'ja', 'j', 'tak', 't', 'да', 'д', 'так', 'x', '✓']);
const NO = new Set(['no', 'n', '0', 'false', 'nej', 'nie', 'нет', 'ні', 'ni', '-']);

export function readYesNo(raw: string): Read<boolean> {
  const s = raw.trim().toLowerCase();
  if (YES.has(s)) return ok(true);
  if (NO.has(s)) return ok(false);
  const value = raw.trim().slice(0, 40);
  return fail(`Expected yes or no, got '${value}'`, 'not_yes_no', { value });
}

export function readEmail(raw: string): Read<string> {
  const parsed = emailSchema.safeParse(raw);
  const value = raw.trim().slice(0, 60);
  return parsed.success
    ? ok(parsed.data)
    : fail(`Invalid email '${value}'`, 'invalid_email', { value });
}

/** "Trial, Family; VIP" → ["Trial", "Family", "VIP"], without repeats (any case). */
export function readList(raw: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of raw.split(/[,;]/)) {
    const name = part.trim();
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** A custom field's cell → its stored value (C-7: text, money, number, date, dropdown). */
export function readCustomValue(field: CustomField, raw: string): Read<string | number> {
  const value = raw.trim();
  const shown = value.slice(0, 60);
  const params = { field: field.name, value: shown };
  switch (field.type) {
    case 'text':
      return value.length > 2000
        ? fail(`${field.name}: too long`, 'custom_too_long', params)
        : ok(value);
    case 'number':
    case 'money': {
      const n = readNumber(value, field.type === 'money');
      return n.ok
        ? n
        : fail(`${field.name}: not a number ('${shown}')`, 'custom_not_number', params);
    }
    case 'date': {
      const d = readDate(value);
      return d.ok
        ? d
        : fail(`${field.name}: invalid date ('${shown}')`, 'custom_invalid_date', params);
    }
    case 'dropdown': {
      const lower = value.toLowerCase();
      const option =
        field.options.find((o) => o.name.toLowerCase() === lower) ??
        field.options.find((o) => o.abbreviation !== '' && o.abbreviation.toLowerCase() === lower);
      return option
        ? ok(option.id)
        : fail(`${field.name}: unknown option '${shown}'`, 'custom_unknown_option', params);
    }
  }
}
