import {
  funnelQuerySchema,
  funnelReportSchema,
  funnelSettingsSchema,
  funnelSettingsUpdateSchema,
  leadSourcesQuerySchema,
  leadSourcesReportSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { readFunnelSettings, updateFunnelSettings } from './funnel-settings.service.ts';
import { funnelReport, leadSourcesReport } from './funnel.service.ts';

const tags = ['reports'];

/** The sales funnel, its steps' settings, and lead sources with their conversion. */
export const funnelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/funnel',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'The sales funnel of the persons created in the period: how many reached each step ' +
          '(a later step counts for the earlier ones), with conversion, grouped by source, ' +
          'responsible or branch',
        querystring: funnelQuerySchema,
        response: { 200: funnelReportSchema, ...errorResponses },
      },
    },
    (req) => funnelReport(app.db, actorOf(req), req.query, app.now()),
  );
  app.get(
    '/api/reports/lead-sources',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          "Per source: the persons created in the period, how many reached the funnel's " +
          '"bought" step, and the median hours to that and to the first contact',
        querystring: leadSourcesQuerySchema,
        response: { 200: leadSourcesReportSchema, ...errorResponses },
      },
    },
    (req) => leadSourcesReport(app.db, actorOf(req), req.query, app.now()),
  );
  app.get(
    '/api/reports/funnel-steps',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary: 'Which task results, person statuses and deal stages make each funnel step',
        response: { 200: funnelSettingsSchema, ...errorResponses },
      },
    },
    (req) => readFunnelSettings(app.db, actorOf(req)),
  );
  app.put(
    '/api/reports/funnel-steps',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Choose the funnel steps (409 version_conflict on a stale version)',
        body: funnelSettingsUpdateSchema,
        response: { 200: funnelSettingsSchema, ...errorResponses },
      },
    },
    (req) => updateFunnelSettings(app.db, actorOf(req), req.body),
  );
};
