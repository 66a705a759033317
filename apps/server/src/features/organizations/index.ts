export { organizations } from './organizations.table.ts';
export {
  countOrganizations,
  findOrganization,
  insertOrganization,
  lockSetup,
  setCrmRoles,
  setReportRoles,
} from './organizations.repo.ts';
export type { OrganizationRow } from './organizations.repo.ts';
export { crmRolesOf, reportRolesOf, toOrganizationDto } from './organizations.service.ts';
export { organizationCreated } from './organizations.hooks.ts';
