import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@spotter/contracts';
import type { Actor } from '../lib/actor.ts';
import { AppError, unauthorized } from '../lib/errors.ts';
import { resolveApiToken } from '../features/api-tokens/index.ts';
import { SESSION_COOKIE, SESSION_TTL_MS, resolveSession } from '../features/auth/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session's user and organization, read in the same query that checked the cookie. */
    sessionUser: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token (setup, login, health, docs). */
    public?: boolean;
    /** Reachable by a user still on a temporary password (reading and changing their own). */
    beforePasswordChange?: boolean;
  }
}

/** The signed-in actor; routes that are not public never run without one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export function sessionTokenOf(req: FastifyRequest): string | undefined {
  const value = req.cookies[SESSION_COOKIE];
  return value && value.length <= 100 ? value : undefined;
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send Sec-Fetch-Site and
 * Origin on cross-site requests; either one is enough to refuse.
 */
function assertSameOrigin(req: FastifyRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  if (bearerOf(req) !== undefined) return;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') throw new AppError(403, 'cross_site', 'Cross-site request refused');
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError(403, 'cross_site', 'Cross-site request refused');
  }
  if (originHost !== req.host) {
    throw new AppError(403, 'cross_site', 'Cross-site request refused');
  }
}

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
  return match?.[1] ?? '';
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;

async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<Actor | null> {
  const bearer = bearerOf(req);
  if (bearer !== undefined) {
    const token = bearer ? await resolveApiToken(app.db, bearer) : undefined;
    if (!token) throw unauthorized('invalid_token', 'The API token is not valid');
    return { orgId: token.orgId, userId: null, role: null, via: 'token' };
  }
  const sessionToken = sessionTokenOf(req);
  if (!sessionToken) return null;
  const found = await resolveSession(app.db, app.config.sessionSecret, sessionToken);
  if (!found) return null;
  req.sessionUser = found;
  return {
    orgId: found.user.orgId,
    userId: found.user.id,
    role: found.user.role as Role,
    via: 'session',
  };
}

export const authPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionUser', null);
    app.addHook('onRequest', async (req) => {
      assertSameOrigin(req);
      // Unknown routes fall through to the 404 handler without touching the database.
      if (!req.routeOptions.url) return;
      if (req.routeOptions.config.public) return;
      req.actor = await authenticate(app, req);
      if (!req.actor) throw unauthorized();
      // A temporary password was seen by whoever handed it over: until the user has chosen
      // their own, it opens nothing but the way to do so.
      if (
        req.sessionUser?.user.mustChangePassword &&
        !req.routeOptions.config.beforePasswordChange
      ) {
        throw new AppError(
          403,
          'password_change_required',
          'Choose your own password before doing anything else',
        );
      }
    });
  },
  { name: 'auth' },
);
