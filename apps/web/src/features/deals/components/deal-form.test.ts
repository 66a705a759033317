import type { Deal } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createBody, dealValues, formErrors, newDealValues, updateBody } from './deal-form.ts';

const P = '00000000-0000-4000-8000-000000000001';
const C = '00000000-0000-4000-8000-000000000002';

const deal: Deal = {
  id: '00000000-0000-4000-8000-0000000000d1',
  title: 'Gold membership',
  personId: P,
  companyId: C,
  amount: 125050,
  currency: 'SEK',
  expectedCloseDate: '2026-12-20',
  ownerId: null,
  groupId: null,
  branchId: null,
  typeId: null,
  pipelineId: '00000000-0000-4000-8000-0000000000a1',
  stageId: '00000000-0000-4000-8000-0000000000b1',
  state: 'open',
  probability: 40,
  probabilityOverride: null,
  sourceId: null,
  productIds: [],
  lostReasonId: null,
  lostComment: '',
  closedAt: null,
  version: 3,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  person: { id: P, name: 'Anna Berg' },
  company: { id: C, name: 'Berg AB' },
  owner: null,
};

describe('the deal dialog', () => {
  it('creates a deal for the person it was opened from, the amount in minor units', () => {
    const v = {
      ...newDealValues({ contact: { id: P, kind: 'person', name: 'Anna' } }),
      title: '  PT package ',
      amount: 1250.5,
    };
    const body = createBody(v, 'SEK', false);
    expect(body).toMatchObject({
      title: 'PT package',
      personId: P,
      companyId: null,
      amount: 125050,
    });
    expect(body.probabilityOverride).toBeNull();
    expect(body).not.toHaveProperty('ownerId');
  });

  it('edits a deal on top of the version it opened with, sending no stage it did not change', () => {
    const v = dealValues(deal);
    expect(v.amount).toBe(1250.5);
    const body = updateBody({ ...v, amount: 2000 }, deal, 3, false);
    expect(body).toMatchObject({ amount: 200000, version: 3, personId: P, companyId: C });
    expect(body).not.toHaveProperty('stageId');
    expect(body).not.toHaveProperty('lostReasonId');
  });

  it('sends the reason only for a lost stage', () => {
    const v = { ...dealValues(deal), stageId: C, lostReasonId: P, lostComment: ' too dear ' };
    expect(updateBody(v, deal, 4, true)).toMatchObject({
      stageId: C,
      lostReasonId: P,
      lostComment: 'too dear',
    });
  });

  it('shows a person or company error at the one picker', () => {
    expect(formErrors({ personId: 'needed', amount: 'too big' })).toEqual({
      contact: 'needed',
      amount: 'too big',
    });
  });
});
