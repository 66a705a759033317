export { organizations } from './organizations.table.ts';
export { findOrganization } from './organizations.repo.ts';
export type { OrganizationRow } from './organizations.repo.ts';
export { createOrganization, toOrganizationDto } from './organizations.service.ts';
export { organizationsRoutes } from './organizations.routes.ts';
