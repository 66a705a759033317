/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { PersonsListPage } from './pages/persons-list-page.tsx';
export { CompaniesListPage } from './pages/companies-list-page.tsx';
