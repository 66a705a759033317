/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { PersonPage } from './pages/person-page.tsx';
export { CompanyPage } from './pages/company-page.tsx';
export { PersonCreatePage } from './pages/person-create-page.tsx';
export { CompanyCreatePage } from './pages/company-create-page.tsx';
