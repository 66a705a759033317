import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clearFilters,
  countQueryString,
  exportUrl,
  formatCustomFilter,
  hasFilters,
  listQueryString,
  nextSort,
  pageSearch,
  parseCustomFilter,
  sortDirection,
  toFilter,
} from './list-params.ts';
import { companyListSearchSchema, personListSearchSchema } from './list-search.ts';

const A = '0190a8a8-0000-7000-8000-000000000001';
const B = '0190a8a8-0000-7000-8000-000000000002';

describe('list search schema', () => {
  it('keeps good params and drops bad ones one by one', () => {
    const s = personListSearchSchema.parse({
      statusId: [A, B],
      tagId: ['nope'],
      page: -3,
      cursor: 'x'.repeat(3000),
      pageSize: 50,
      sort: '-createdAt',
      createdFrom: '2024-02-30x',
      cf: [`${A}:contains:yoga`],
    });
    expect(s).toEqual({
      statusId: [A, B],
      tagId: undefined,
      page: undefined,
      cursor: undefined,
      pageSize: 50,
      sort: '-createdAt',
      createdFrom: undefined,
      cf: [`${A}:contains:yoga`],
      search: undefined,
      noStatus: undefined,
      responsibleId: undefined,
      noResponsible: undefined,
      tagMode: undefined,
      categoryId: undefined,
      branchId: undefined,
      sourceId: undefined,
      createdTo: undefined,
      companyId: undefined,
    });
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (input) => {
        expect(() => personListSearchSchema.parse(input)).not.toThrow();
        expect(() => companyListSearchSchema.parse(input)).not.toThrow();
      }),
    );
  });
});

describe('list params', () => {
  it('filters persons by age and by minors or adults, keeping 0 and false', () => {
    const s = personListSearchSchema.parse({ ageFrom: 0, ageTo: 131, minor: false });
    expect([s.ageFrom, s.ageTo, s.minor]).toEqual([0, undefined, false]);
    const q = new URLSearchParams(listQueryString({ ageFrom: 0, ageTo: 12, minor: false }));
    expect([q.get('ageFrom'), q.get('ageTo'), q.get('minor')]).toEqual(['0', '12', 'false']);
    expect(toFilter({ minor: true })).toEqual({ minor: 'true' });
    expect(hasFilters({ ageTo: 6 })).toBe(true);
    expect(clearFilters({ ageFrom: 3, minor: true, pageSize: 25 })).toEqual({ pageSize: 25 });
  });

  it('turns the URL search into the API query with paging', () => {
    const q = new URLSearchParams(
      listQueryString({
        search: ' anna ',
        statusId: [A, B],
        noResponsible: true,
        tagId: [A],
        tagMode: 'all',
        cf: [`${A}:gte:10`, `${A}:lte:20`],
        page: 3,
        cursor: 'abc',
        pageSize: 25,
        sort: '-name',
      }),
    );
    expect(q.get('search')).toBe('anna');
    expect(q.get('statusId')).toBe(`${A},${B}`);
    expect(q.get('noResponsible')).toBe('true');
    expect(q.get('tagMode')).toBe('all');
    expect(q.getAll('cf')).toEqual([`${A}:gte:10`, `${A}:lte:20`]);
    expect(q.get('limit')).toBe('25');
    expect(q.get('cursor')).toBe('abc');
    expect(q.get('offset')).toBeNull();
    expect(q.get('count')).toBeNull();
    expect(q.get('sort')).toBe('-name');
  });

  it('defaults to the first page of 50 sorted by name', () => {
    const q = new URLSearchParams(listQueryString({}));
    expect([q.get('sort'), q.get('limit'), q.get('cursor')]).toEqual(['name', '50', null]);
  });

  it('counts the filtered rows apart from the pages, and pages by cursor', () => {
    const q = new URLSearchParams(countQueryString({ statusId: [A], cursor: 'abc', page: 3 }));
    expect([q.get('statusId'), q.get('count'), q.get('limit'), q.get('cursor')]).toEqual([
      A,
      'true',
      '1',
      null,
    ]);
    expect(pageSearch({ sort: 'city', page: 2, cursor: 'a' }, 'b', 3)).toEqual({
      sort: 'city',
      page: 3,
      cursor: 'b',
    });
    expect(pageSearch({ sort: 'city', page: 2, cursor: 'a' }, null, 1)).toEqual({
      sort: 'city',
      page: undefined,
      cursor: undefined,
    });
  });

  it('builds the bulk filter without paging and without empty lists', () => {
    expect(toFilter({ statusId: [], tagId: [A], tagMode: 'any', page: 2, search: ' ' })).toEqual({
      tagId: [A],
    });
    expect(hasFilters({ page: 4, sort: 'city' })).toBe(false);
    expect(hasFilters({ noStatus: true })).toBe(true);
    expect(clearFilters({ statusId: [A], sort: 'city', pageSize: 100, page: 3 })).toEqual({
      sort: 'city',
      pageSize: 100,
    });
  });

  it('exports the visible columns with the current filters and sort', () => {
    const url = exportUrl('company', { industryId: [A], sort: '-createdAt' }, 'xlsx', [
      'name',
      `cf:${B}`,
    ]);
    const [path, query] = url.split('?') as [string, string];
    const q = new URLSearchParams(query);
    expect(path).toBe('/api/companies/export');
    expect(q.get('industryId')).toBe(A);
    expect(q.get('format')).toBe('xlsx');
    expect(q.get('columns')).toBe(`name,cf:${B}`);
    expect(q.get('sort')).toBe('-createdAt');
  });

  it('toggles sorting per column', () => {
    expect(nextSort('name', 'name')).toBe('-name');
    expect(nextSort('-name', 'name')).toBe('name');
    expect(nextSort('name', 'city')).toBe('city');
    expect(sortDirection('-city', 'city')).toBe('desc');
    expect(sortDirection('name', 'city')).toBeNull();
  });

  it('round-trips custom-field filters', () => {
    for (const raw of [`${A}:contains:a:b`, `${A}:eq:${A}|${B}`, `${A}:set`]) {
      const parsed = parseCustomFilter(raw);
      expect(parsed).not.toBeNull();
      expect(formatCustomFilter(parsed!)).toBe(raw);
    }
    expect(parseCustomFilter('junk')).toBeNull();
  });
});
