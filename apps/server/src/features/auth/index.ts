export { sessions } from './sessions.table.ts';
export {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  endSession,
  endSessionsOfUser,
  resolveSession,
  startSession,
  sessionJobs,
} from './sessions.service.ts';
export { generateTemporaryPassword, hashPassword } from './passwords.ts';
export { assertAcceptablePassword, buildMe } from './auth.service.ts';
export { LoginLimiter } from './login-limiter.ts';
export { authRoutes } from './auth.routes.ts';
