export { setupStatusQuery, useSetupStatus } from './api/setup-api.ts';
export { SetupPage } from './pages/setup-page.tsx';
