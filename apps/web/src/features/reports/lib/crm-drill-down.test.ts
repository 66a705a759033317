import { describe, expect, it } from 'vitest';
import { crmDrillDown } from './crm-drill-down.ts';

const A = '0190a3c4-0000-7000-8000-000000000001';
const B = '0190a3c4-0000-7000-8000-000000000002';
const period = { from: '2026-03-01', to: '2026-03-31' };

describe('CRM report drill-down', () => {
  it("leads a staff member's numbers to their tasks of the period", () => {
    const report = { period, groupBy: 'staff' as const };
    const row = { key: A };
    expect(crmDrillDown('created', report, { branchId: B }, row)).toEqual({
      view: 'all',
      type: ['call', 'client', 'internal'],
      branchId: [B],
      assigneeId: A,
      state: 'all',
      createdFrom: '2026-03-01',
      createdTo: '2026-03-31',
    });
    expect(crmDrillDown('done', report, {}, row)).toMatchObject({
      state: 'done',
      doneFrom: '2026-03-01',
      doneTo: '2026-03-31',
    });
    expect(crmDrillDown('overdue', report, {}, row)).toMatchObject({
      state: 'overdue',
      dueBefore: '2026-04-01',
    });
    expect(crmDrillDown('created', report, {}, { key: null })).toMatchObject({ unassigned: true });
  });

  it("uses a week's own days, and has no link for 'no result'", () => {
    const week = { key: '2026-02-23', from: '2026-03-01', to: '2026-03-01' };
    expect(crmDrillDown('overdue', { period, groupBy: 'week' }, {}, week)).toMatchObject({
      dueBefore: '2026-03-02',
    });
    expect(crmDrillDown('done', { period, groupBy: 'result' }, {}, { key: null })).toBeUndefined();
    expect(crmDrillDown('done', { period, groupBy: 'result' }, {})).toMatchObject({
      state: 'done',
    });
  });
});
