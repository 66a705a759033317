import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import type { Permission } from '@spotter/contracts';
import { actorCan, type Actor } from '../lib/actor.ts';
import { AppError, unauthorized } from '../lib/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /**
     * What the session authenticator read along with the cookie (the auth feature keeps its
     * user and organization here, so /api/me needs no second query).
     */
    sessionContext: unknown;
  }
  interface FastifyInstance {
    authCache: AuthCacheControl;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or token (setup, login, health, docs). */
    public?: boolean;
    /** Reachable by a user still on a temporary password (reading and changing their own). */
    beforePasswordChange?: boolean;
    /**
     * Reachable by a user whose organization requires two-step sign-in before they have set it
     * up (reading themselves, setting it up, changing their password).
     */
    beforeTwoStepSetup?: boolean;
    /**
     * A public write that any site may send (RFC 8058 one-click unsubscribe: a mail app posts
     * it from wherever it runs). It uses no cookie, so the same-origin check has nothing to guard.
     */
    anySite?: boolean;
    /**
     * What the route needs (decision 0028), published in the OpenAPI document as
     * `x-permission`: an API token without it is refused before the handler runs; 'session'
     * is for a signed-in person only (their own notifications, two-step …). A route that
     * names nothing is closed to tokens. Services still check a session's role themselves.
     */
    permission?: Permission | 'session';
  }
}

/** The signed-in actor; routes that are not public never run without one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send Sec-Fetch-Site and
 * Origin on cross-site requests; either one is enough to refuse.
 */
function assertSameOrigin(req: FastifyRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  if (req.routeOptions.config.anySite && req.routeOptions.config.public) return;
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

/** The token of `Authorization: Bearer …`: undefined without the header, '' when malformed. */
export function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,200})$/i.exec(header);
  return match?.[1] ?? '';
}

/**
 * The auth feature's few seconds' memory of sessions and API tokens (decision 0019). A route
 * that changes what it remembers calls `forget…` after its change commits and before it
 * answers, so this instance never answers from memory what it has just changed; every other
 * instance hears of the change through the database.
 */
export interface AuthCacheControl {
  forgetSession(sessionId: string): void;
  forgetUser(userId: string): void;
  forgetOrganization(orgId: string): void;
  forgetApiToken(tokenId: string): void;
  /** An organization's row as `load` reads it, remembered like sessions (dropped on a change). */
  organization<V>(orgId: string, load: () => Promise<V | undefined>): Promise<V | undefined>;
  /** Starts listening for the changes other instances make (once the app is ready). */
  attach(app: FastifyInstance): Promise<void>;
  stop(): Promise<void>;
}

/** How requests are authenticated; the auth and api-tokens features provide these (app.ts). */
export interface Authenticators {
  /** The session token the request carries (its cookie), if any. */
  sessionToken(req: FastifyRequest): string | undefined;
  session(
    db: Db,
    token: string,
  ): Promise<
    | { actor: Actor; mustChangePassword: boolean; twoStepSetupRequired: boolean; context: unknown }
    | undefined
  >;
  apiToken(db: Db, token: string): Promise<Actor | undefined>;
  cache: AuthCacheControl;
}

async function authenticate(
  app: FastifyInstance,
  req: FastifyRequest,
  auth: Authenticators,
): Promise<{ actor: Actor; mustChangePassword: boolean; twoStepSetupRequired: boolean } | null> {
  const bearer = bearerOf(req);
  if (bearer !== undefined) {
    const actor = bearer ? await auth.apiToken(app.db, bearer) : undefined;
    if (!actor) throw unauthorized('invalid_token', 'The API token is not valid');
    // API tokens are not people: two-step does not apply to them.
    return { actor, mustChangePassword: false, twoStepSetupRequired: false };
  }
  const sessionToken = auth.sessionToken(req);
  if (!sessionToken) return null;
  const found = await auth.session(app.db, sessionToken);
  if (!found) return null;
  req.sessionContext = found.context;
  return found;
}

/** An API token reaches a route only with the permission the route declares. */
function assertTokenMay(actor: Actor, permission: Permission | 'session' | undefined) {
  if (permission === 'session') throw unauthorized('session_required', 'This needs a staff login');
  if (!permission || !actorCan(actor, permission)) {
    throw new AppError(403, 'forbidden', 'This API token does not have the scope for this');
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, auth: Authenticators) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionContext', null);
    app.decorate('authCache', auth.cache);
    app.addHook('onReady', () => auth.cache.attach(app));
    app.addHook('onClose', () => auth.cache.stop());
    app.addHook('onRequest', async (req) => {
      assertSameOrigin(req);
      // Unknown routes fall through to the 404 handler without touching the database.
      if (!req.routeOptions.url) return;
      if (req.routeOptions.config.public) return;
      const found = await authenticate(app, req, auth);
      if (!found) throw unauthorized();
      req.actor = found.actor;
      if (found.actor.via === 'token')
        assertTokenMay(found.actor, req.routeOptions.config.permission);
      // A temporary password was seen by whoever handed it over: until the user has chosen
      // their own, it opens nothing but the way to do so.
      if (found.mustChangePassword && !req.routeOptions.config.beforePasswordChange) {
        throw new AppError(
          403,
          'password_change_required',
          'Choose your own password before doing anything else',
        );
      }
      // The organization requires a second factor of this role: until it is set up, the
      // password alone opens nothing but the way to set it up.
      if (found.twoStepSetupRequired && !req.routeOptions.config.beforeTwoStepSetup) {
        throw new AppError(
          403,
          'two_step_setup_required',
          'Your organization requires two-step sign-in: set it up before doing anything else',
        );
      }
    });
  },
  { name: 'auth' },
);
