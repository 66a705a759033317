export { GlobalSearch } from './components/global-search.tsx';
export {
  companyListSearchSchema,
  personListSearchSchema,
  type CompanyListSearch,
  type PersonListSearch,
} from './list-search.ts';
// The persons list's filter as other features reuse it (a campaign's audience).
export { toFilter } from './list-params.ts';
export { FilterChips } from './components/filter-chips.tsx';
export { useListRefs, type ListRefs } from './components/list-refs.ts';
