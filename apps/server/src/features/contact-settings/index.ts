export { contactStatuses, lookups, customFields, crmSettings } from './contact-settings.table.ts';
export { seedCrmDefaults, defaultStatusNames } from './defaults.ts';
/** The four default relation roles in one language (imports match them in every language). */
export { defaultRelationRoleNames } from './defaults.ts';
export {
  getCrmSettings,
  getWorkingHours,
  newCallerDefaults,
  regionAndHoursOf,
  /** The roles that can be responsible or own a deal, and the 422 check of one user (U-2). */
  responsibleRoles,
  assertResponsibleRole,
} from './crm-settings.service.ts';
export {
  assertContactRefs,
  loadCustomFields,
  lookupIdsByName,
  statusIdsByName,
  validateCustomValues,
} from './contact-refs.ts';
export type { ContactRefs } from './contact-refs.ts';
export { checkCustomValues } from './custom-values.ts';
/** Tags named in an import that do not exist yet are created. */
export { ensureTags } from './lookups.repo.ts';
/** Settings changes that touch contacts go through this port; the contacts feature provides it. */
export {
  contactReferences,
  isArrayKind,
  isSingleKind,
  type ArrayKind,
  type ContactReferences,
  type SingleKind,
} from './contact-references.port.ts';
/** The import's value mapping creates statuses, list entries and dropdown options through these. */
export {
  activeStatuses,
  addDropdownOptions,
  createImportedLookup,
  createImportedStatus,
} from './import-entries.ts';
