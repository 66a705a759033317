import type { CustomField } from '@spotter/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCustomValues, isCalendarDate, parseNumber } from './custom-values.ts';

const field = (type: CustomField['type'], name: string, extra: Partial<CustomField> = {}) =>
  ({
    id: crypto.randomUUID(),
    entity: 'person',
    name,
    type,
    options: [],
    position: 0,
    archived: false,
    ...extra,
  }) satisfies CustomField;

const text = field('text', 'Shoe size note');
const money = field('money', 'Fee');
const date = field('date', 'Membership end');
const number = field('number', 'Visits');
const gold = {
  id: crypto.randomUUID(),
  name: 'Gold',
  abbreviation: 'G',
  color: '#000',
  background: '#fff',
};
const dropdown = field('dropdown', 'Level', { options: [gold] });
const fields = [text, money, date, number, dropdown];

describe('checkCustomValues', () => {
  it('cleans each type', () => {
    const { values, errors } = checkCustomValues(fields, {
      [text.id]: '  hello ',
      [money.id]: '1 234,555',
      [date.id]: '2024-02-29',
      [number.id]: '12.5',
      [dropdown.id]: gold.id,
    });
    expect(errors).toEqual({});
    expect(values).toEqual({
      [text.id]: 'hello',
      [money.id]: 1234.56,
      [date.id]: '2024-02-29',
      [number.id]: 12.5,
      [dropdown.id]: gold.id,
    });
  });

  it('matches a dropdown option by name for imports', () => {
    expect(checkCustomValues(fields, { [dropdown.id]: 'gold' }).values[dropdown.id]).toBe(gold.id);
  });

  it('treats empty as removal', () => {
    const { values } = checkCustomValues(fields, {
      [text.id]: '',
      [money.id]: null,
      [date.id]: ' ',
    });
    expect(values).toEqual({ [text.id]: null, [money.id]: null, [date.id]: null });
  });

  it('names the field in every error, under the prefix', () => {
    const { errors } = checkCustomValues(
      fields,
      {
        [date.id]: '2023-02-29',
        [money.id]: 'lots',
        [number.id]: true,
        [dropdown.id]: 'Platinum',
        [text.id]: { a: 1 },
        [crypto.randomUUID()]: 'x',
      },
      'rows.3',
    );
    expect(errors[`rows.3.${date.id}`]).toEqual({
      code: 'invalid_date',
      message: 'Membership end: expected a date (YYYY-MM-DD)',
    });
    expect(errors[`rows.3.${money.id}`]).toEqual({
      code: 'invalid_number',
      message: 'Fee: expected an amount',
    });
    expect(errors[`rows.3.${number.id}`]?.message).toBe('Visits: expected a number');
    expect(errors[`rows.3.${dropdown.id}`]).toEqual({
      code: 'invalid_option',
      message: 'Level: expected one of its options',
    });
    expect(errors[`rows.3.${text.id}`]?.message).toBe('Shoe size note: expected text');
    expect(Object.values(errors)).toContainEqual({
      code: 'unknown_field',
      message: 'Unknown custom field',
    });
  });

  it('refuses archived fields and keys that are not field ids', () => {
    const archived = field('text', 'Old', { archived: true });
    const input = JSON.parse(
      `{"${archived.id}": "x", "__proto__": null, "constructor": ""}`,
    ) as Record<string, unknown>;
    const { errors, values } = checkCustomValues([archived], input);
    expect(Object.keys(errors).sort()).toEqual(
      [`custom.${archived.id}`, 'custom.__proto__', 'custom.constructor'].sort(),
    );
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('never throws and only returns clean values, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...fields.map((f) => f.id), 'junk'),
          fc.oneof(
            fc.anything(),
            fc.string(),
            fc.double(),
            fc.date().map((d) => d.toString()),
          ),
        ),
        (input) => {
          const { values, errors } = checkCustomValues(fields, input);
          for (const [id, v] of Object.entries(values)) {
            const f = fields.find((x) => x.id === id)!;
            expect(errors[`custom.${id}`]).toBeUndefined();
            if (v === null) continue;
            if (f.type === 'money') expect(Math.round(Number(v) * 100) / 100).toBe(v);
            if (f.type === 'money' || f.type === 'number') expect(Number.isFinite(v)).toBe(true);
            if (f.type === 'date') expect(isCalendarDate(String(v))).toBe(true);
            if (f.type === 'dropdown') expect(v).toBe(gold.id);
            if (f.type === 'text') expect(typeof v).toBe('string');
          }
        },
      ),
    );
  });

  it('rounds money to cents and reads numbers in any common format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (a, c) => {
        const s = `${a}.${String(c).padStart(2, '0')}`;
        expect(checkCustomValues([money], { [money.id]: s }).values[money.id]).toBe(Number(s));
        expect(parseNumber(s.replace('.', ','))).toBe(Number(s));
      }),
    );
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('1e5')).toBeUndefined();
    expect(parseNumber('Infinity')).toBeUndefined();
  });
});
