import type { Db } from '../../db/client.ts';
import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { twoStepReset } from '../two-step/index.ts';
import { userAccessRevoked } from '../users/index.ts';
import { authRoutes } from './auth.routes.ts';
import { LOGIN_LIMITS, LoginLimiter } from './login-limiter.ts';
import { endSessionsOfUser, sessionJobs } from './sessions.service.ts';
import { SIGNUP_LIMITS, SignupLimiter } from './signup-limiter.ts';
import { signupRoutes } from './signup.routes.ts';
import { newAccountLimiter } from './two-step-login.ts';

export { AuthCache } from './auth-cache.ts';
export { sessionAuthenticator } from './session-auth.ts';

const endSessions = (tx: Db, user: { orgId: string; userId: string }) =>
  endSessionsOfUser(tx, user.orgId, user.userId);

/**
 * Login, sessions, /api/me, first-run setup and signup. Tests hand in limiters on a pinned
 * clock.
 */
export function authFeature(
  opts: { limiter?: LoginLimiter; signupLimiter?: SignupLimiter } = {},
): Feature<JobDefinition> {
  const limiter = opts.limiter ?? new LoginLimiter(LOGIN_LIMITS);
  const signupLimiter = opts.signupLimiter ?? new SignupLimiter(SIGNUP_LIMITS);
  return {
    name: 'auth',
    routes: [
      async (app) => {
        await app.register(signupRoutes, { limiter: signupLimiter });
        await app.register(authRoutes, { limiter, accountLimiter: newAccountLimiter() });
      },
    ],
    wire: () => {
      userAccessRevoked.on(endSessions);
      twoStepReset.on(endSessions);
    },
    jobs: sessionJobs,
  };
}
