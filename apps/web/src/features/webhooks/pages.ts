/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { WebhooksPage } from './pages/webhooks-page.tsx';
