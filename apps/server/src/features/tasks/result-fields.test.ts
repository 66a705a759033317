import type { DictionaryOption, ResultField } from '@spotter/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkResultFields, MAX_TEXT } from './result-fields.ts';

const DICT = '00000000-0000-4000-8000-000000000001';
const field = (id: string, type: ResultField['type'], required = false): ResultField => ({
  id,
  label: `Label ${id}`,
  type,
  required,
  dictionaryId: type === 'choice' ? DICT : null,
});
const options = new Map<string, DictionaryOption[]>([
  [
    DICT,
    [
      { id: 'far', name: 'Too far', archived: false },
      { id: 'old', name: 'Old reason', archived: true },
    ],
  ],
]);

describe('checkResultFields (T-4)', () => {
  it('names each required field left empty, with its label in the failure', () => {
    const out = checkResultFields(
      [field('d', 'date', true), field('t', 'text', true), field('n', 'number')],
      { t: '   ' },
      options,
    );
    const required = { code: 'required', message: 'Required' };
    expect(out.errors).toEqual({ 'fields.d': required, 'fields.t': required });
    expect(out.failed).toEqual(['Label d: Required', 'Label t: Required']);
    expect(out.values).toEqual({});
  });

  it('accepts calendar dates only', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 'tomorrow']) {
      expect(checkResultFields([field('d', 'date')], { d: bad }, options).errors).toEqual({
        'fields.d': { code: 'invalid_date', message: 'Expected a date (YYYY-MM-DD)' },
      });
    }
    const leap = checkResultFields([field('d', 'date')], { d: '2028-02-29' }, options);
    expect(leap.values).toEqual({ d: '2028-02-29' });
  });

  it('reads numbers from numbers and numeric strings, never NaN or Infinity', () => {
    const ok = checkResultFields(
      [field('a', 'number'), field('b', 'number')],
      { a: 3, b: '-2.5' },
      options,
    );
    expect(ok.values).toEqual({ a: 3, b: -2.5 });
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1e400', '12abc', '0x10']) {
      expect(checkResultFields([field('a', 'number')], { a: bad }, options).errors).toHaveProperty(
        'fields.a',
      );
    }
  });

  it('takes an active option of the dictionary and shows its name', () => {
    const ok = checkResultFields([field('c', 'choice')], { c: 'far' }, options);
    expect(ok.values).toEqual({ c: 'far' });
    expect(ok.display).toEqual([{ label: 'Label c', value: 'Too far' }]);
    for (const bad of ['old', 'Too far', 'nope', 7]) {
      expect(checkResultFields([field('c', 'choice')], { c: bad }, options).errors).toHaveProperty(
        'fields.c',
      );
    }
  });

  it('trims texts, bounds them, and drops values of fields the result does not have', () => {
    const out = checkResultFields([field('t', 'text')], { t: '  hi  ', other: 'x' }, options);
    expect(out.values).toEqual({ t: 'hi' });
    const long = checkResultFields([field('t', 'text')], { t: 'x'.repeat(MAX_TEXT + 1) }, options);
    expect(long.errors['fields.t']).toMatchObject({ code: 'too_long', params: { max: MAX_TEXT } });
  });

  it('never throws, and stores only what it checked', () => {
    const types = fc.constantFrom<ResultField['type']>('date', 'text', 'number', 'choice');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(types, fc.boolean()), { maxLength: 5 }),
        fc.dictionary(
          fc.constantFrom('f0', 'f1', 'f2', 'x', '__proto__'),
          fc.oneof(fc.string(), fc.double()),
        ),
        (defs, input) => {
          const fields = defs.map(([type, required], i) => field(`f${i}`, type, required));
          const out = checkResultFields(fields, input, options);
          const known = new Set(fields.map((f) => f.id));
          expect(Object.keys(out.values).every((k) => known.has(k))).toBe(true);
          expect(out.failed.length).toBe(Object.keys(out.errors).length);
        },
      ),
    );
  });
});
