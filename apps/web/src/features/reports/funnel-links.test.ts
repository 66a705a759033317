import { describe, expect, it } from 'vitest';
import { personsLink } from './funnel-links.ts';

describe('funnel drill-down links', () => {
  const period = { from: '2026-03-23', to: '2026-04-05' };

  it('opens the persons created in the period who reached the step, of the group shown', () => {
    expect(personsLink(period, 'trial', { sourceId: 's1' })).toEqual({
      to: '/persons',
      search: {
        createdFrom: '2026-03-23',
        createdTo: '2026-04-05',
        funnelStep: 'trial',
        sourceId: ['s1'],
        responsibleId: undefined,
        branchId: undefined,
        noResponsible: undefined,
      },
    });
  });

  it('needs no step filter for the leads, and can ask for persons nobody is responsible for', () => {
    const link = personsLink(period, 'lead', { noResponsible: true }) as {
      search: Record<string, unknown>;
    };
    expect(link.search.funnelStep).toBeUndefined();
    expect(link.search.noResponsible).toBe(true);
  });
});
