/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { PipelinePage } from './pages/pipeline-page.tsx';
export { DealsListPage } from './pages/deals-list-page.tsx';
export { DealPage } from './pages/deal-page.tsx';
export { PipelinesSettingsPage } from './pages/pipelines-settings-page.tsx';
export { DealListsPage } from './pages/deal-lists-page.tsx';
