import { boardQuerySchema, boardSchema } from '@spotter/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { sessionUserOf } from '../auth/index.ts';
import { okWriter } from '../../plugins/fast-serializer.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { sendShared } from '../../plugins/compression.ts';
import { getBoard } from './task-board.service.ts';

/** A whole board is ~150 kB of JSON: written by a writer compiled from its schema. */
const writeBoard = okWriter(boardSchema);

/** T-8: the kanban board of open tasks. */
export const taskBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/board',
    {
      config: { permission: 'tasks.read' },
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
    async (req, reply) => {
      // The session's context holds the organization and the user already: no second read of
      // either per request.
      const session = sessionUserOf(req);
      const board = await getBoard(
        app.db,
        actorOf(req),
        req.query,
        () => app.now(),
        session
          ? { timezone: session.organization.timezone, branchIds: session.user.branchIds }
          : undefined,
      );
      // Boards read together are one object: written and compressed once for all of them, and
      // sent as bytes (the 200 schema above still documents them).
      const bytes = sendShared(req, reply, board, writeBoard);
      return (reply as FastifyReply).send(bytes);
    },
  );
};
