import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Feature } from '../../lib/feature.ts';
import { apiTokensRoutes } from './api-tokens.routes.ts';
import { resolveApiToken } from './api-tokens.service.ts';

/** The API-token half of the auth plugin's authenticators (U-5). */
export async function apiTokenActor(db: Db, secret: string): Promise<Actor | undefined> {
  const token = await resolveApiToken(db, secret);
  return token && { orgId: token.orgId, userId: null, role: null, via: 'token' };
}

export const apiTokensFeature: Feature = { name: 'api-tokens', routes: [apiTokensRoutes] };
