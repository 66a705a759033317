import type { PersonListSearch } from '../contacts/index.ts';

/**
 * A campaign's audience is the persons list's filter in its query form (what the list sends to
 * the API); the editor works on the list's URL search, so chips, pickers and the "refine in the
 * persons list" link all speak one shape. These two turn one into the other.
 */
const ID_LISTS = [
  'statusId',
  'responsibleId',
  'tagId',
  'categoryId',
  'branchId',
  'sourceId',
] as const;
const FLAGS = ['noStatus', 'noResponsible', 'waiting'] as const;
const TEXTS = ['search', 'companyId', 'createdFrom', 'createdTo'] as const;

const idsOf = (v: unknown): string[] | undefined => {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  const ids = list.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  return ids.length > 0 ? ids.map((x) => x.trim()) : undefined;
};

/** A stored audience (query form, strings or arrays, booleans or 'true') as list search. */
export function audienceSearch(audience: Record<string, unknown>): PersonListSearch {
  const s: PersonListSearch = {};
  for (const key of ID_LISTS) {
    const ids = idsOf(audience[key]);
    if (ids) s[key] = ids;
  }
  for (const key of FLAGS) {
    if (audience[key] === true || audience[key] === 'true') s[key] = true;
  }
  for (const key of TEXTS) {
    const v = audience[key];
    if (typeof v === 'string' && v.trim() !== '') s[key] = v;
  }
  if (audience.tagMode === 'all') s.tagMode = 'all';
  const step = audience.funnelStep;
  if (step === 'contacted' || step === 'trial' || step === 'bought') s.funnelStep = step;
  const cf = audience.cf;
  const cfs = (Array.isArray(cf) ? cf : typeof cf === 'string' ? [cf] : []).filter(
    (x): x is string => typeof x === 'string',
  );
  if (cfs.length > 0) s.cf = cfs;
  return s;
}

/** Only the filter of a list search: sort and paging do not choose who gets a campaign. */
export function filterOnly(search: PersonListSearch): PersonListSearch {
  const { sort: _s, cursor: _c, page: _p, pageSize: _z, ...filter } = search;
  return filter;
}
