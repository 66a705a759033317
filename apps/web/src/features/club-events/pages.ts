/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { ConnectedSystemsPage } from './pages/connected-systems-page.tsx';
export { EventLogPage } from './pages/event-log-page.tsx';
