export { contactSettingsRoutes } from './contact-settings.routes.ts';
export { seedCrmDefaults } from './defaults.ts';
export { getCrmSettings } from './crm-settings.service.ts';
export {
  assertContactRefs,
  loadCustomFields,
  lookupIdsByName,
  statusIdsByName,
  validateCustomValues,
} from './contact-refs.ts';
export type { ContactRefs } from './contact-refs.ts';
export { checkCustomValues } from './custom-values.ts';
