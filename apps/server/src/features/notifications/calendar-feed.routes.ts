import { calendarFeedSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './calendar-feed.service.ts';

const tags = ['calendar feed'];
const noBody = z.strictObject({}).nullish();

/** A private iCalendar URL of the user's open tasks with due times. */
export const calendarFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/calendar-feed',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary:
          'Whether I have a calendar feed (its URL is only shown when made: rotate to see one)',
        response: { 200: calendarFeedSchema, ...errorResponses },
      },
    },
    (req) => service.getMyFeed(app.db, actorOf(req)),
  );
  app.post(
    '/api/me/calendar-feed',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Create my calendar feed or replace its secret; the answer shows the URL once',
        body: noBody,
        response: { 200: calendarFeedSchema, ...errorResponses },
      },
    },
    (req) => service.rotateMyFeed(app.db, actorOf(req)),
  );
  app.delete(
    '/api/me/calendar-feed',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Revoke my calendar feed',
        response: { 204: z.null().describe('Revoked'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.deleteMyFeed(app.db, actorOf(req));
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/calendar/:token.ics',
    {
      // The secret in the URL is the credential: calendar apps cannot log in.
      config: { public: true },
      schema: {
        tags,
        summary: 'The feed itself (iCalendar): my open tasks with due times, no login needed',
        security: [],
        params: z.strictObject({ token: z.string().max(100) }),
        response: {
          200: {
            description: 'An iCalendar (RFC 5545) document',
            content: { 'text/calendar': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const base = `${req.protocol}://${req.host}`;
      const body = await service.renderFeed(app.db, req.params.token, app.now(), base);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="spotter.ics"')
        .header('cache-control', 'private, no-store')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );
};
