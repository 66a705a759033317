import { describe, expect, it } from 'vitest';
import {
  clearDealFilters,
  closeMonths,
  dealFilters,
  dealQueryString,
  hasDealFilters,
  patchDealSearch,
} from './deal-params.ts';
import { pipelineSearchSchema } from './deals-search.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const P = '00000000-0000-4000-8000-0000000000ff';

describe('the pipeline filters in the URL', () => {
  it('gives one cache entry to URLs that show the same deals', () => {
    expect(dealFilters({ branchId: [B, A, A], q: '  gym  ', typeId: [] })).toEqual(
      dealFilters({ branchId: [A, B], q: 'gym' }),
    );
  });

  it('asks the API with repeated keys and the paging it is given', () => {
    const q = new URLSearchParams(
      dealQueryString(dealFilters({ pipelineId: P, groupId: [B, A], ownerId: 'me' }), {
        stageId: A,
        cursor: 'abc',
      }),
    );
    expect(q.getAll('groupId')).toEqual([A, B]);
    expect(q.get('ownerId')).toBe('me');
    expect(q.get('pipelineId')).toBe(P);
    expect(q.get('cursor')).toBe('abc');
  });

  it('keeps a bad param from breaking the page, dropping only it', () => {
    const search = pipelineSearchSchema.parse({ pipelineId: P, closeMonth: '2026-13', q: 'x' });
    expect(search).toEqual({ pipelineId: P, q: 'x' });
  });

  it('counts the pipeline as a view, not a filter, and clears the filters only', () => {
    expect(hasDealFilters({ pipelineId: P })).toBe(false);
    expect(hasDealFilters({ pipelineId: P, closeMonth: '2026-12' })).toBe(true);
    expect(clearDealFilters({ pipelineId: P, sort: 'title', q: 'x', branchId: [A] })).toEqual({
      pipelineId: P,
      sort: 'title',
    });
    expect(patchDealSearch({ q: 'x', ownerId: 'me' }, { q: ' ' })).toEqual({ ownerId: 'me' });
  });

  it('offers close months around today, across a new year', () => {
    const months = closeMonths('2026-12-06', 1, 2);
    expect(months).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});
