export { setupStatusQuery, useSetupStatus } from './api/setup-api.ts';
