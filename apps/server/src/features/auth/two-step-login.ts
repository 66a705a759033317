import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { twoStepBox, verifySecondFactor } from '../two-step/index.ts';
import { findUserById } from '../users/index.ts';
import * as repo from './login-challenges.repo.ts';
import { type LimiterOptions, LoginLimiter, rateLimited } from './login-limiter.ts';
import { sessionId } from './sessions.service.ts';

/**
 * The code step of a login (decision 0014). The password step leaves a challenge: a random
 * token in a cookie that only the login routes receive, its keyed hash in the database, good
 * for a few minutes and a few wrong codes. Only a right code turns it into a session.
 */
const CHALLENGE_COOKIE = 'spotter_login';
const COOKIE_PATH = '/api/auth';
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes one password step buys; then the password is asked again. */
export const CHALLENGE_MAX_FAILURES = 5;

/**
 * Wrong codes at one account from every address together: whoever gets this far knows the
 * password, so a botnet must not get the per-address budgets of each of its machines.
 * Delays, not a lock, like the password limits.
 */
export const TWO_STEP_ACCOUNT_LIMITS: LimiterOptions = {
  windowMs: 15 * 60 * 1000,
  freePerPair: 10,
  maxPerAddress: Number.MAX_SAFE_INTEGER,
  maxDelayMs: 15 * 60 * 1000,
};

const challengeId = (secret: string, token: string) => sessionId(secret, `login:${token}`);

export async function startChallenge(db: Db, secret: string, user: { id: string; orgId: string }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  await repo.insertChallenge(db, {
    id: challengeId(secret, token),
    orgId: user.orgId,
    userId: user.id,
    expiresAt,
  });
  return { token, expiresAt };
}

export interface CodeStepLimits {
  /** The password limiter: an address's wrong codes count like its wrong passwords. */
  limiter: LoginLimiter;
  /** Wrong codes at one account from anywhere. */
  accountLimiter: LoginLimiter;
}

const loginExpired = () =>
  new AppError(401, 'login_expired', 'The login has expired: enter your email and password again');

export async function loginWithCode(
  db: Db,
  secret: string,
  limits: CodeStepLimits,
  input: { token: string | undefined; code: string; ip: string; now: Date },
) {
  const id = input.token && challengeId(secret, input.token);
  const challenge = id ? await repo.findLiveChallenge(db, id, new Date()) : undefined;
  if (!id || !challenge) throw loginExpired();
  const user = { orgId: challenge.orgId, userId: challenge.userId };
  const byAddress = limits.limiter.attempt(`two-step\n${user.userId}`, input.ip);
  if (byAddress.retryAfter > 0) throw rateLimited(byAddress.retryAfter);
  const byAccount = limits.accountLimiter.attempt(user.userId, 'account');
  if (byAccount.retryAfter > 0) throw rateLimited(byAccount.retryAfter);

  const box = twoStepBox(secret);
  const factor = await verifySecondFactor(db, box, user, input.code, input.now);
  if (!factor) {
    await repo.countFailure(db, id, CHALLENGE_MAX_FAILURES);
    const message = 'The code is not right';
    throw new AppError(400, 'wrong_code', message, { code: fieldError('code_wrong', message) });
  }
  byAddress.succeeded();
  byAccount.succeeded();
  if (!(await repo.deleteChallenge(db, id))) throw loginExpired();
  const [row, organization] = await Promise.all([
    findUserById(db, user.orgId, user.userId),
    findOrganization(db, user.orgId),
  ]);
  // Deactivated between the two steps: the same answer as an expired login.
  if (!row?.active || !organization) throw loginExpired();
  return { user: row, organization };
}

export const newAccountLimiter = () => new LoginLimiter(TWO_STEP_ACCOUNT_LIMITS);

export function challengeTokenOf(req: FastifyRequest): string | undefined {
  const value = req.cookies[CHALLENGE_COOKIE];
  return value && value.length <= 100 ? value : undefined;
}

export function setChallengeCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(CHALLENGE_COOKIE, token, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    maxAge: Math.floor(CHALLENGE_TTL_MS / 1000),
  });
}

export function clearChallengeCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(CHALLENGE_COOKIE, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
  });
}
