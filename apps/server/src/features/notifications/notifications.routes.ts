import {
  badgeSchema,
  idParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './notifications.service.ts';

const tags = ['notifications'];
/** Marking read takes no fields; the empty object keeps POST's body documented. */
const noBody = z.strictObject({}).nullish();

/** T-10: the user's own notifications and the badge next to CRM. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: "The current user's notifications, newest first, with the unread count",
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema, ...errorResponses },
      },
    },
    (req) => service.listMyNotifications(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: idParamsSchema,
        body: noBody,
        response: { 200: notificationSchema, ...errorResponses },
      },
    },
    (req) => service.readNotification(app.db, actorOf(req), req.params.id, app.now()),
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        body: noBody,
        response: { 204: z.null().describe('All read'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.readAllNotifications(app.db, actorOf(req), app.now());
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/me/badge',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'My open to-dos due today (overdue included), overdue ones, unread notifications',
        response: { 200: badgeSchema, ...errorResponses },
      },
    },
    (req) => service.getBadge(app.db, actorOf(req), app.now()),
  );
};
