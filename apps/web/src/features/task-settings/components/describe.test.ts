import { readFileSync } from 'node:fs';
import type { NextStep } from '@spotter/contracts';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextStepText } from './describe.ts';

const TPL = '00000000-0000-4000-8000-000000000001';
const FIELD = '00000000-0000-4000-8000-000000000004';
const taskSettings = JSON.parse(
  readFileSync(new URL('../../../locales/en/taskSettings.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

let t: TFunction<'taskSettings'>;
const ctx = {
  templates: [{ id: TPL, name: 'Check the purchase' }],
  fields: [{ id: FIELD, label: 'Expected purchase date' }],
  staffName: () => undefined,
  workdayStart: '10:00',
};
const step = (offset: NextStep['offset'], fromFieldId: string | null = null): NextStep => ({
  templateId: TPL,
  offset,
  assignTo: 'same',
  userId: null,
  fromFieldId,
});

describe('what a result’s next step says in the results list', () => {
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { taskSettings } }, defaultNS: 'taskSettings' });
    t = i18n.getFixedT('en', 'taskSettings');
  });

  it('names the working time days land at', () => {
    expect(nextStepText(t, step({ unit: 'days', amount: 2 }), ctx)).toBe(
      'Check the purchase in 2 days at 10:00 · same staff member',
    );
    expect(nextStepText(t, step({ unit: 'next_working_day', amount: 0 }), ctx)).toBe(
      'Check the purchase on the next working day at 10:00 · same staff member',
    );
    expect(nextStepText(t, step({ unit: 'hours', amount: 3 }), ctx)).toBe(
      'Check the purchase in 3 hours · same staff member',
    );
  });

  it('names the date field a step counts from', () => {
    expect(nextStepText(t, step({ unit: 'days', amount: 2 }, FIELD), ctx)).toBe(
      'Check the purchase 2 days after “Expected purchase date” at 10:00 · same staff member',
    );
    expect(nextStepText(t, step({ unit: 'days', amount: 0 }, FIELD), ctx)).toBe(
      'Check the purchase on “Expected purchase date” at 10:00 · same staff member',
    );
  });
});
