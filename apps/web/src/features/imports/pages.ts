/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { ImportPage } from './pages/import-page.tsx';
