import { organizationSchema, organizationUpdateSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './organizations.service.ts';

const tags = ['organization'];

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organization',
    {
      config: { permission: 'organization.read' },
      schema: {
        tags,
        summary: 'The organization’s settings',
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    (req) => service.getOrganization(app.db, actorOf(req), app.authCache),
  );

  app.patch(
    '/api/organization',
    {
      config: { permission: 'organization.manage' },
      schema: {
        tags,
        summary: 'Change name, timezone, language or currency (409 on a stale version)',
        body: organizationUpdateSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const updated = await service.updateOrganization(app.db, actor, req.body);
      // Committed: sessions remembered on this instance show the change from the next request
      // (decision 0019).
      app.authCache.forgetOrganization(actor.orgId);
      return updated;
    },
  );
};
