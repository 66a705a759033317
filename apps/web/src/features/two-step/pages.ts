/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { TwoStepPage } from './pages/two-step-page.tsx';
