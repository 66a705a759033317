import type { TaskResult } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { resultBody, resultFormSchema, valuesOfResult } from './result-form.ts';

const TPL = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';
const DICT = '00000000-0000-4000-8000-000000000003';
const FIELD = '00000000-0000-4000-8000-000000000004';

const goingToBuy: TaskResult = {
  id: '00000000-0000-4000-8000-000000000010',
  templateId: TPL,
  name: 'Going to buy',
  color: '#ffffff',
  background: '#40c057',
  position: 0,
  archived: false,
  fields: [{ id: FIELD, label: 'Expected date', type: 'date', required: true, dictionaryId: null }],
  next: {
    templateId: TPL,
    offset: { unit: 'days', amount: 2 },
    assignTo: 'same',
    userId: null,
    fromFieldId: FIELD,
  },
  dealOutcome: 'won',
};

describe('the result form', () => {
  it('sends back what it loaded, fields keeping their ids', () => {
    const { id: _id, templateId: _t, position: _p, archived: _a, ...rest } = goingToBuy;
    expect(resultBody(valuesOfResult(goingToBuy))).toEqual(rest);
  });

  it('drops the workflow when it is switched off, keeping nothing half-filled', () => {
    const v = valuesOfResult(goingToBuy);
    expect(resultBody({ ...v, hasNext: false }).next).toBeNull();
  });

  it('sends no amount for "next working day" and no user unless a named user gets it', () => {
    const v = valuesOfResult(goingToBuy);
    const body = resultBody({
      ...v,
      next: { ...v.next, offset: { unit: 'next_working_day', amount: 5 }, userId: USER },
    });
    expect(body.next).toEqual({
      templateId: TPL,
      offset: { unit: 'next_working_day', amount: 0 },
      assignTo: 'same',
      userId: null,
      fromFieldId: FIELD,
    });
  });

  it('counts from a saved date field by its id, a new one by its position, else from entry', () => {
    const v = valuesOfResult(goingToBuy);
    expect(v.next.fromFieldKey).toBe(FIELD);
    const added = { key: 'new', label: 'Visit', type: 'date' as const, required: false };
    const fields = [{ ...added, dictionaryId: null }, ...v.fields];
    const byIndex = resultBody({ ...v, fields, next: { ...v.next, fromFieldKey: 'new' } });
    expect(byIndex.next).toMatchObject({ fromFieldId: null, fromFieldIndex: 0 });
    const entered = resultBody({ ...v, next: { ...v.next, fromFieldKey: null } });
    expect(entered.next).toMatchObject({ fromFieldId: null });
    expect(entered.next).not.toHaveProperty('fromFieldIndex');
  });

  it('asks for a date field again when the one counted from is removed or retyped', () => {
    const v = valuesOfResult(goingToBuy);
    const retyped = v.fields.map((f) => ({ ...f, type: 'text' as const }));
    for (const fields of [[], retyped]) {
      const parsed = resultFormSchema.safeParse({ ...v, fields });
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['next.fromFieldKey']);
    }
    // With the workflow off nothing is counted, so nothing is asked.
    expect(resultFormSchema.safeParse({ ...v, fields: [], hasNext: false }).success).toBe(true);
  });

  it('only sends a dictionary for choice fields, and new fields without an id', () => {
    const v = valuesOfResult(null);
    const body = resultBody({
      ...v,
      name: ' Refusal ',
      fields: [
        { key: 'a', label: ' Reason ', type: 'choice', required: true, dictionaryId: DICT },
        { key: 'b', label: 'Note', type: 'text', required: false, dictionaryId: DICT },
      ],
    });
    expect(body.name).toBe('Refusal');
    expect(body.fields).toEqual([
      { label: 'Reason', type: 'choice', required: true, dictionaryId: DICT },
      { label: 'Note', type: 'text', required: false, dictionaryId: null },
    ]);
  });

  it('names the inputs that need attention, on the paths the API uses', () => {
    const v = valuesOfResult(null);
    const parsed = resultFormSchema.safeParse({
      ...v,
      name: 'Refusal',
      fields: [{ key: 'a', label: 'Reason', type: 'choice', required: true, dictionaryId: null }],
      hasNext: true,
      next: {
        templateId: null,
        offset: { unit: 'days', amount: 1.5 },
        assignTo: 'user',
        userId: null,
        fromFieldKey: null,
      },
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'fields.0.dictionaryId',
      'next.offset.amount',
      'next.templateId',
      'next.userId',
    ]);
  });

  it('does not check the workflow while it is off', () => {
    const v = valuesOfResult(null);
    expect(resultFormSchema.safeParse({ ...v, name: 'Thinking' }).success).toBe(true);
  });
});
