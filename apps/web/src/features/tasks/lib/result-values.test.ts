import type { ResultField } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { describeFieldValue, missingFields, toResultFields } from './result-values.ts';

const field = (id: string, type: ResultField['type'], required = false): ResultField => ({
  id,
  label: id,
  type,
  required,
  dictionaryId: type === 'choice' ? 'dict' : null,
});

const fields = [
  field('when', 'date', true),
  field('amount', 'number'),
  field('why', 'choice', true),
  field('note', 'text'),
];
const messages = { required: 'required', invalid: 'invalid' };

describe('result field values', () => {
  it('sends only the result’s own fields, numbers as numbers, blanks left out', () => {
    expect(
      toResultFields(fields, {
        when: '2025-06-06',
        amount: '1 200'.replace(' ', ''),
        why: 'opt-1',
        note: '  called back  ',
        other: 'not this result',
      }),
    ).toEqual({ when: '2025-06-06', amount: 1200, why: 'opt-1', note: 'called back' });
    expect(toResultFields(fields, { amount: '12,5', note: '   ', when: null })).toEqual({
      amount: 12.5,
    });
    expect(toResultFields(fields, { amount: 0 })).toEqual({ amount: 0 });
  });

  it('names each required field left blank, and a number that is not one', () => {
    expect(missingFields(fields, { amount: 'abc', note: '' }, messages)).toEqual({
      'fields.when': 'required',
      'fields.amount': 'invalid',
      'fields.why': 'required',
    });
    expect(missingFields(fields, { when: '2025-06-06', why: 'x' }, messages)).toEqual({});
  });

  it('shows stored values in words: the option’s name, the day in the user’s language', () => {
    const optionName = (d: string, o: string) =>
      d === 'dict' && o === 'o1' ? 'Too far' : undefined;
    const day = (d: string) => `day ${d}`;
    expect(describeFieldValue(fields[2], 'o1', optionName, day)).toBe('Too far');
    expect(describeFieldValue(fields[2], 'gone', optionName, day)).toBe('gone');
    expect(describeFieldValue(fields[0], '2025-06-06', optionName, day)).toBe('day 2025-06-06');
    expect(describeFieldValue(fields[1], 12, optionName, day)).toBe('12');
    expect(describeFieldValue(undefined, 'x', optionName, day)).toBe('x');
  });
});
