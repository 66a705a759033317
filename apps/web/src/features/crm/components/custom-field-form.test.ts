import { customFieldCreateSchema, type CustomField } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  customFieldFormSchema,
  newOption,
  optionsBody,
  valuesOfField,
} from './custom-field-form.ts';

const ID = '0190f6f8-3c1e-7b44-9d6a-2f6d1f0c1a11';

const field: CustomField = {
  id: '0190f6f8-3c1e-7b44-9d6a-2f6d1f0c1a00',
  entity: 'person',
  name: 'Level',
  type: 'dropdown',
  options: [{ id: ID, name: 'Gold', abbreviation: 'G', color: '#111111', background: '#ffd700' }],
  position: 0,
  archived: false,
};

describe('the custom field form', () => {
  it('sends existing options with their id and new ones without, in a body the API accepts', () => {
    const values = valuesOfField(field);
    values.options.push({ ...newOption(), name: 'Silver' });
    const options = optionsBody(values);
    expect(options).toEqual([
      { id: ID, name: 'Gold', abbreviation: 'G', color: '#111111', background: '#ffd700' },
      { name: 'Silver', abbreviation: '', color: '#1f2937', background: '#e5e7eb' },
    ]);
    const body = { entity: 'person', name: values.name, type: values.type, options };
    expect(customFieldCreateSchema.safeParse(body).success).toBe(true);
  });

  it('sends no options for a type other than dropdown', () => {
    const values = { ...valuesOfField(field), type: 'text' as const };
    expect(optionsBody(values)).toEqual([]);
  });

  it('asks for at least one option on a dropdown, and names an empty option field', () => {
    const empty = customFieldFormSchema.safeParse({ name: 'Level', type: 'dropdown', options: [] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]?.path).toEqual(['options']);
    const unnamed = customFieldFormSchema.safeParse({
      name: 'Level',
      type: 'dropdown',
      options: [newOption()],
    });
    expect(unnamed.error?.issues.map((i) => i.path.join('.'))).toContain('options.0.name');
    const bad = customFieldFormSchema.safeParse({
      name: 'Level',
      type: 'dropdown',
      options: [{ ...newOption(), name: 'A', background: 'red' }],
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toContain('options.0.background');
  });
});
