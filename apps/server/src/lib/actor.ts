import { can, canInOrganization, type Permission, type Role } from '@spotter/contracts';
import { forbidden } from './errors.ts';

/** Who is asking: every service call carries it, every repo query filters by its orgId. */
export interface Actor {
  orgId: string;
  /** null for an integration authenticated by an API token. */
  userId: string | null;
  role: Role | null;
  via: 'session' | 'token';
  /** An API token's scopes as permissions (decision 0028); unused for a session. */
  permissions?: readonly Permission[];
  /**
   * The roles the organization lets into the CRM (U-2), read with the session; a staff member
   * whose role is not among them has no CRM permission. Absent: the role's own permissions.
   */
  crmRoles?: readonly Role[];
  /** The further roles the organization lets see the reports (issue 15), read with crmRoles. */
  reportRoles?: readonly Role[];
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  if (actor.via === 'token') return actor.permissions?.includes(permission) ?? false;
  if (actor.role === null) return false;
  return actor.crmRoles
    ? canInOrganization(actor.role, permission, actor.crmRoles, actor.reportRoles)
    : can(actor.role, permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) throw forbidden();
}
