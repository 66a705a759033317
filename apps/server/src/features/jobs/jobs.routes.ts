import { idParamsSchema, jobListQuerySchema, jobListSchema, jobSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './jobs.service.ts';

const tags = ['jobs'];

/** Background jobs of the organization: admins see the failed ones and retry them. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary:
          "The organization's background jobs in one state (failed by default), newest first",
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, ...errorResponses },
      },
    },
    (req) => service.listJobs(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/jobs/:id/retry',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Queue a failed job again, with all its attempts back',
        params: idParamsSchema,
        body: z.strictObject({}).nullish(),
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    (req) => service.retryJob(app.db, actorOf(req), req.params.id, app.now()),
  );
};
