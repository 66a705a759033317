/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { BackgroundJobsPage } from './pages/background-jobs-page.tsx';
