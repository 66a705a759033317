import { boardQuerySchema, boardSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { sessionUserOf } from '../auth/index.ts';
import { fastOkSerializer } from '../../plugins/fast-serializer.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { getBoard } from './task-board.service.ts';

/** A whole board is ~100 kB of JSON: written by a serializer compiled from its schema. */
const boardSerializer = fastOkSerializer(boardSchema);

/** T-8: the kanban board of open tasks. */
export const taskBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/board',
    {
      config: { permission: 'tasks.read' },
      serializerCompiler: boardSerializer,
      schema: {
        tags: ['board'],
        summary:
          'The board: Unsorted, Overdue, Today, Tomorrow, This week and Later (in the ' +
          "organization's timezone) with counts and the first cards; `column` and `cursor` " +
          'page one column. Filters: branch, status, assignee (`me`), template, search.',
        querystring: boardQuerySchema,
        response: { 200: boardSchema, ...errorResponses },
      },
    },
    (req) => {
      // The session's context holds the organization and the user already: no second read of
      // either per request.
      const session = sessionUserOf(req);
      return getBoard(
        app.db,
        actorOf(req),
        req.query,
        app.now(),
        session
          ? { timezone: session.organization.timezone, branchIds: session.user.branchIds }
          : undefined,
      );
    },
  );
};
