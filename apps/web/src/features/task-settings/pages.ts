/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { TaskTemplatesPage } from './pages/task-templates-page.tsx';
export { TaskStatusesPage } from './pages/task-statuses-page.tsx';
export { DictionariesPage } from './pages/dictionaries-page.tsx';
