import {
  forecastQuerySchema,
  forecastReportSchema,
  retentionCallRoundResultSchema,
  retentionCallRoundSchema,
  retentionPageSchema,
  retentionQuerySchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { forecastReport } from './forecast.service.ts';
import { retentionList, startRetentionRound } from './retention.service.ts';

const tags = ['reports'];

/** S-3: the sales forecast; and the retention list with its call round. */
export const forecastRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/forecast',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'Weighted pipeline (amount × probability) of open deals by expected close month, ' +
          'owner or group; won beside forecast for past months',
        querystring: forecastQuerySchema,
        response: { 200: forecastReportSchema, ...errorResponses },
      },
    },
    (req) => forecastReport(app.db, actorOf(req), req.query, app.now()),
  );
  app.get(
    '/api/reports/retention',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'Members whose visits dropped (last 4 weeks against the 4 before) or whose contract ' +
          'ends within `days` without an open call: keyset pages in name order',
        querystring: retentionQuerySchema,
        response: { 200: retentionPageSchema, ...errorResponses },
      },
    },
    (req) => retentionList(app.db, actorOf(req), req.query, app.now()),
  );
  app.post(
    '/api/reports/retention/call-round',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags,
        summary:
          'A call round for the selected persons, or everyone the filters list; persons with an ' +
          'open call or client task are left out',
        body: retentionCallRoundSchema,
        response: { 200: retentionCallRoundResultSchema, ...errorResponses },
      },
    },
    (req) => startRetentionRound(app.db, actorOf(req), req.body, app.now()),
  );
};
