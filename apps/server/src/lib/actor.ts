import { can, TOKEN_PERMISSIONS, type Permission, type Role } from '@spotter/contracts';
import { forbidden } from './errors.ts';

/** Who is asking: every service call carries it, every repo query filters by its orgId. */
export interface Actor {
  orgId: string;
  /** null for an integration authenticated by an API token. */
  userId: string | null;
  role: Role | null;
  via: 'session' | 'token';
}

export function actorCan(actor: Actor, permission: Permission): boolean {
  if (actor.via === 'token') return TOKEN_PERMISSIONS.includes(permission);
  return actor.role !== null && can(actor.role, permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!actorCan(actor, permission)) throw forbidden();
}
