export { GlobalSearch } from './components/global-search.tsx';
export {
  companyListSearchSchema,
  personListSearchSchema,
  type CompanyListSearch,
  type PersonListSearch,
} from './list-search.ts';
