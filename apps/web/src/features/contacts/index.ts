export { PersonsListPage } from './pages/persons-list-page.tsx';
export { CompaniesListPage } from './pages/companies-list-page.tsx';
export { GlobalSearch } from './components/global-search.tsx';
export {
  companyListSearchSchema,
  personListSearchSchema,
  type CompanyListSearch,
  type PersonListSearch,
} from './list-search.ts';
