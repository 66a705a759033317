import type { FastifyRequest } from 'fastify';
import type { Role } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Authenticators } from '../../plugins/auth.ts';
import { crmRolesOf, reportRolesOf } from '../organizations/index.ts';
import { twoStepSetupRequired } from '../two-step/index.ts';
import type { AuthCache, SessionFound as Found } from './auth-cache.ts';
import { sessionTokenOf } from './session-cookie.ts';
import { resolveSession, sessionId } from './sessions.service.ts';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;

function toFound(found: SessionUser): Found {
  return {
    actor: {
      orgId: found.user.orgId,
      userId: found.user.id,
      role: found.user.role as Role,
      via: 'session' as const,
      crmRoles: crmRolesOf(found.organization),
      reportRoles: reportRolesOf(found.organization),
    },
    mustChangePassword: found.user.mustChangePassword,
    twoStepSetupRequired: twoStepSetupRequired(
      found.user.role,
      found.organization.twoStepRequired,
      found.twoStepEnabled,
    ),
    context: found,
  };
}

/**
 * The session half of the auth plugin's authenticators (app.ts adds the API tokens'). Sessions
 * are remembered for a few seconds in `cache`; one on its way out of a temporary password or
 * into two-step sign-in is not, so the step it is taking counts from the very next request.
 */
export function sessionAuthenticator(
  sessionSecret: string,
  cache: AuthCache,
): Pick<Authenticators, 'sessionToken' | 'session'> {
  return {
    sessionToken: sessionTokenOf,
    async session(db: Db, token: string) {
      const id = sessionId(sessionSecret, token);
      const remembered = cache.read(cache.sessions, id);
      if (remembered) return remembered;
      const ticket = cache.ticket();
      const found = await resolveSession(db, sessionSecret, token);
      if (!found) return undefined;
      const result = toFound(found);
      if (!result.mustChangePassword && !result.twoStepSetupRequired) {
        cache.fill(cache.sessions, id, ticket, result, {
          userId: found.user.id,
          orgId: found.user.orgId,
          notAfter: found.session.expiresAt,
        });
      }
      return result;
    },
  };
}

/** The user and organization read with this request's session cookie, if it came with one. */
export function sessionUserOf(req: FastifyRequest): SessionUser | null {
  // Only sessionAuthenticator above fills sessionContext, and always with a SessionUser.
  return (req.sessionContext as SessionUser | null) ?? null;
}
