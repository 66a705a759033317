/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { SetupPage } from './pages/setup-page.tsx';
