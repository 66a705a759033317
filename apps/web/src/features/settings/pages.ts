/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { SettingsLayout } from './pages/settings-layout.tsx';
export { OrganizationPage } from './pages/organization-page.tsx';
export { BranchesPage } from './pages/branches-page.tsx';
export { GroupsPage } from './pages/groups-page.tsx';
export { UsersPage } from './pages/users-page.tsx';
export { ApiTokensPage } from './pages/api-tokens-page.tsx';
