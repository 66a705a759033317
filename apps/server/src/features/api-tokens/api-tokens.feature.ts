import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Feature } from '../../lib/feature.ts';
import type { AuthCache } from '../auth/index.ts';
import { apiTokensRoutes } from './api-tokens.routes.ts';
import { resolveApiToken } from './api-tokens.service.ts';

/** The API-token half of the auth plugin's authenticators (U-5), remembered in `cache`. */
export function apiTokenAuthenticator(cache: AuthCache, now: () => Date = () => new Date()) {
  return async (db: Db, secret: string): Promise<Actor | undefined> => {
    const token = await resolveApiToken(db, secret, cache, now());
    return (
      token && {
        orgId: token.orgId,
        userId: null,
        role: null,
        via: 'token',
        permissions: token.permissions,
      }
    );
  };
}

export const apiTokensFeature: Feature = { name: 'api-tokens', routes: [apiTokensRoutes] };
