import { z } from 'zod';

/** Staff roles (U-2). */
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
  /** Read persons, companies, their history, search and export lists (C-1 … C-14). */
  'contacts.read',
  /** Create and edit persons and companies, write notes, import, tag and re-assign in bulk. */
  'contacts.write',
  /** Merge, bulk delete, restore and purge the trash, export or erase one person's data. */
  'contacts.admin',
  /** See and work the tasks of one's branches: board, lists, results, call rounds (T-1 … T-12). */
  'tasks.read',
  'tasks.write',
  /** The control view: every staff member's open, overdue and done tasks (T-9). */
  'tasks.control',
  /** Connected club systems: register sources, rotate their secrets, read the event log. */
  'events.manage',
  /** Deliver events from a club system (an integration's API token). */
  'events.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const admin: readonly Permission[] = PERMISSIONS;
const staff: readonly Permission[] = [
  'contacts.read',
  'contacts.write',
  'branches.read',
  'tasks.read',
  'tasks.write',
];

/** The one place that says what each role may do (U-3: settings are owner/admin only). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: admin,
  admin,
  manager: [...staff, 'tasks.control'],
  sales: staff,
  reception: staff,
  // Instructors usually have no CRM access (U-2).
  instructor: [],
};

/**
 * What an integration holding an API token may do: read the organization and its branches
 * (to map the club system's sites), never manage staff or mint more tokens.
 */
export const TOKEN_PERMISSIONS: readonly Permission[] = [
  'organization.read',
  'branches.read',
  'contacts.read',
  'contacts.write',
  // The club's booking, payment and telephony systems turn events into tasks.
  'tasks.read',
  'tasks.write',
  'events.write',
];

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
