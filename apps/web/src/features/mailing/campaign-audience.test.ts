import { describe, expect, it } from 'vitest';
import { contactFilterSchema } from '@spotter/contracts';
import { toFilter } from '../contacts/list-params.ts';
import type { PersonListSearch } from '../contacts/list-search.ts';
import { audienceSearch, filterOnly } from './campaign-audience.ts';

const TAG = '0196a1b2-0000-7000-8000-000000000001';
const TAG2 = '0196a1b2-0000-7000-8000-000000000002';
const STATUS = '0196a1b2-0000-7000-8000-000000000003';

describe("a campaign's audience", () => {
  it('comes back from its stored query form as the list search it was made from', () => {
    const search: PersonListSearch = {
      tagId: [TAG, TAG2],
      tagMode: 'all',
      statusId: [STATUS],
      noResponsible: true,
      search: 'yoga',
      createdFrom: '2026-01-01',
      funnelStep: 'trial',
      cf: [`${TAG}:set`],
    };
    const stored = toFilter(search) as Record<string, unknown>;
    // What the API accepts as a persons-list filter.
    expect(contactFilterSchema.safeParse(stored).success).toBe(true);
    expect(audienceSearch(stored)).toEqual(search);
  });

  it("reads the API's parsed form too: comma lists, real booleans, defaults", () => {
    expect(
      audienceSearch({ tagId: `${TAG},${TAG2}`, noStatus: true, waiting: false, tagMode: 'any' }),
    ).toEqual({ tagId: [TAG, TAG2], noStatus: true });
  });

  it('ignores what is not a filter, and drops the sort and page of the list it came from', () => {
    expect(audienceSearch({ tagId: 7, funnelStep: 'won', cf: [1], nonsense: 'x' })).toEqual({});
    expect(
      filterOnly({ tagId: [TAG], sort: '-name', page: 3, cursor: 'abc', pageSize: 25 }),
    ).toEqual({ tagId: [TAG] });
  });
});
