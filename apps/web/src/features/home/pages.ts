/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { StartPage } from './pages/start-page.tsx';
