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
  /** Outbound webhooks: endpoints, their secrets, the delivery log, redeliver. */
  'webhooks.manage',
  /** See deals, the pipeline board, the deals list and its export (S-1, S-4). */
  'deals.read',
  /** Create, edit, move and delete deals, change owners and stages in bulk. */
  'deals.write',
  /** The reports (S-5, S-3) and the team's numbers on the home page (S-6). */
  'reports.read',
  /** Mail templates, sending settings' use, and campaigns to persons who agreed to marketing (M-1). */
  'mailing.manage',
  /** One email or SMS to one person from their page or card, written to their history (M-1). */
  'mailing.send',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const admin: readonly Permission[] = PERMISSIONS;
const staff: readonly Permission[] = [
  'contacts.read',
  'contacts.write',
  'branches.read',
  'tasks.read',
  'tasks.write',
  // The front desk sells memberships to walk-ins, so reception works deals too (seed 000).
  'deals.read',
  'deals.write',
  'mailing.send',
];

/** The one place that says what each role may do (U-3: settings are owner/admin only). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: admin,
  admin,
  manager: [...staff, 'tasks.control', 'reports.read', 'mailing.manage'],
  sales: staff,
  reception: staff,
  // Instructors usually have no CRM access (U-2).
  instructor: [],
};

/**
 * What every API token could do before tokens had scopes (decision 0002): the scopes a token
 * made then keeps, and the ones a new token starts with in the form.
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

/**
 * The scopes an API token may be given (U-5, decision 0028): each is one permission. Never
 * staff, settings or tokens, so a leaked token cannot mint more or lock anyone out.
 */
export const TOKEN_SCOPES = [
  'organization.read',
  'branches.read',
  'contacts.read',
  'contacts.write',
  'tasks.read',
  'tasks.write',
  'events.write',
  'webhooks.manage',
  // A booking or membership system opens and wins deals (S-1).
  'deals.read',
  'deals.write',
] as const satisfies readonly Permission[];
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Writing implies reading what one writes: a token with `contacts.write` may read contacts. */
export function tokenPermissions(scopes: readonly string[]): Permission[] {
  const out = new Set<Permission>();
  for (const scope of scopes) {
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope)) continue;
    out.add(scope as Permission);
    if (scope === 'contacts.write') out.add('contacts.read');
    if (scope === 'tasks.write') out.add('tasks.read');
    if (scope === 'deals.write') out.add('deals.read');
  }
  return [...out];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * The CRM's own permissions (persons, companies, tasks, deals, reports, mailing): the organization's CRM settings
 * decide which roles have them at all (U-2). Settings, staff and tokens are not CRM.
 */
export function isCrmPermission(permission: Permission): boolean {
  return /^(contacts|tasks|deals|reports|mailing)\./.test(permission);
}

/** Who uses the CRM until the organization chooses (seed 000: instructors do not). */
export const DEFAULT_CRM_ROLES: readonly Role[] = [
  'owner',
  'admin',
  'manager',
  'sales',
  'reception',
];
/** Who can be chosen as responsible or deal owner until the organization chooses. */
export const DEFAULT_RESPONSIBLE_ROLES: readonly Role[] = DEFAULT_CRM_ROLES;

/**
 * The roles that may be given the reports besides those that have them anyway (owners, admins,
 * managers): an organization's choice in the CRM settings (issue 15), none until it chooses.
 */
export const EXTRA_REPORT_ROLES: readonly Role[] = ['sales', 'reception', 'instructor'];

/**
 * What a staff member may do in an organization whose CRM is open to `crmRoles` (U-2): a
 * role left out loses every CRM permission; a role let in that has none of its own (an
 * instructor) works in the CRM as sales staff do. Everything else is the role's own, plus the
 * reports when the organization lets the role see them (`reportRoles`).
 */
export function rolePermissions(
  role: Role,
  crmRoles: readonly Role[],
  reportRoles: readonly Role[] = [],
): Permission[] {
  const own = ROLE_PERMISSIONS[role];
  const outside = own.filter((p) => !isCrmPermission(p));
  const granted: Permission[] = !crmRoles.includes(role)
    ? outside
    : own.some(isCrmPermission)
      ? [...own]
      : [...outside, ...ROLE_PERMISSIONS.sales.filter(isCrmPermission)];
  // Reports are CRM: a role the CRM is closed to sees none, whatever the reports setting says.
  if (crmRoles.includes(role) && reportRoles.includes(role) && !granted.includes('reports.read')) {
    granted.push('reports.read');
  }
  return granted;
}

/** `can` for a staff member of an organization whose CRM is open to `crmRoles`. */
export function canInOrganization(
  role: Role,
  permission: Permission,
  crmRoles: readonly Role[],
  reportRoles: readonly Role[] = [],
): boolean {
  if (!isCrmPermission(permission)) return can(role, permission);
  return rolePermissions(role, crmRoles, reportRoles).includes(permission);
}
