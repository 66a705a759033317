export { sessions } from './sessions.table.ts';
export {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  endSession,
  endSessionsOfUser,
  resolveSession,
  startSession,
} from './sessions.service.ts';
export { buildMe } from './auth.service.ts';
export { LoginLimiter } from './login-limiter.ts';
export { SignupLimiter } from './signup-limiter.ts';
export { createOrganization, organizationSetUp } from './signup.service.ts';
export { AuthCache } from './auth-cache.ts';
export { sessionUserOf } from './session-auth.ts';
