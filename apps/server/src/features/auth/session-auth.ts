import type { FastifyRequest } from 'fastify';
import type { Role } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Authenticators } from '../../plugins/auth.ts';
import { twoStepSetupRequired } from '../two-step/index.ts';
import { sessionTokenOf } from './session-cookie.ts';
import { resolveSession } from './sessions.service.ts';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;

/** The session half of the auth plugin's authenticators (app.ts adds the API tokens'). */
export function sessionAuthenticator(
  sessionSecret: string,
): Pick<Authenticators, 'sessionToken' | 'session'> {
  return {
    sessionToken: sessionTokenOf,
    async session(db: Db, token: string) {
      const found = await resolveSession(db, sessionSecret, token);
      if (!found) return undefined;
      return {
        actor: {
          orgId: found.user.orgId,
          userId: found.user.id,
          role: found.user.role as Role,
          via: 'session' as const,
        },
        mustChangePassword: found.user.mustChangePassword,
        twoStepSetupRequired: twoStepSetupRequired(
          found.user.role,
          found.organization.twoStepRequired,
          found.twoStepEnabled,
        ),
        context: found,
      };
    },
  };
}

/** The user and organization read with this request's session cookie, if it came with one. */
export function sessionUserOf(req: FastifyRequest): SessionUser | null {
  // Only sessionAuthenticator above fills sessionContext, and always with a SessionUser.
  return (req.sessionContext as SessionUser | null) ?? null;
}
