import { z } from 'zod';

/** Staff roles (PRODUCT.md U-2). */
export const ROLES = ['owner', 'admin', 'manager', 'sales', 'reception', 'instructor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PERMISSIONS = [
  'organization.read',
  'branches.read',
  'settings.manage',
  'users.manage',
  'branches.manage',
  'tokens.manage',
  'organization.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const admin: readonly Permission[] = PERMISSIONS;

/** The one place that says what each role may do (U-3: settings are owner/admin only). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: admin,
  admin,
  manager: [],
  sales: [],
  reception: [],
  instructor: [],
};

/**
 * What an integration holding an API token may do: read the organization and its branches
 * (to map the club system's sites), never manage staff or mint more tokens.
 */
export const TOKEN_PERMISSIONS: readonly Permission[] = ['organization.read', 'branches.read'];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
