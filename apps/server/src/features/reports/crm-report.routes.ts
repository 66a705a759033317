import { crmReportQuerySchema, crmReportSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { crmReport } from './crm-report.service.ts';

/** S-5: the general CRM report. */
export const crmReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/reports/crm',
    {
      config: { permission: 'reports.read' },
      schema: {
        tags: ['reports'],
        summary:
          'Tasks created, done and overdue in a period of the club calendar, by staff member, ' +
          'template, result, group, branch, day, week or month; `compare` adds the period before',
        querystring: crmReportQuerySchema,
        response: { 200: crmReportSchema, ...errorResponses },
      },
    },
    (req) => crmReport(app.db, actorOf(req), req.query, app.now()),
  );
};
