import { homeSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { notFound } from '../../lib/errors.ts';
import { sessionUserOf } from '../auth/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { getHome } from './home.service.ts';

/** S-6: the home page's numbers for the signed-in staff member. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['home'],
        summary:
          'Home page numbers: own work (tasks.read), the team (reports.read), the pipeline (deals.read + reports.read)',
        response: { 200: homeSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const org = sessionUserOf(req)?.organization ?? (await findOrganization(app.db, actor.orgId));
      if (!org) throw notFound('Organization');
      return getHome(app.db, actor, org, app.now());
    },
  );
};
