/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { HomePage } from './pages/home-page.tsx';
