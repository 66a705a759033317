/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { StatusesPage } from './pages/statuses-page.tsx';
export { LookupsPage } from './pages/lookups-page.tsx';
export { CustomFieldsPage } from './pages/custom-fields-page.tsx';
export { CrmSettingsPage } from './pages/crm-settings-page.tsx';
export { TrashPage } from './pages/trash-page.tsx';
