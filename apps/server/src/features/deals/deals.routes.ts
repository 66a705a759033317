import {
  dealBoardQuerySchema,
  dealBoardSchema,
  dealBulkResultSchema,
  dealBulkSchema,
  dealCreateSchema,
  dealExportQuerySchema,
  dealHistoryPageSchema,
  dealHistoryQuerySchema,
  dealListQuerySchema,
  dealListSchema,
  dealMoveSchema,
  dealSchema,
  dealTaskLinkSchema,
  dealTaskListSchema,
  dealTaskParamsSchema,
  dealUpdateSchema,
  idParamsSchema,
  okSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { fastOkSerializer } from '../../plugins/fast-serializer.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { sessionUserOf } from '../auth/index.ts';
import { getDealBoard } from './board.service.ts';
import * as tasks from './deal-tasks.service.ts';
import { exportDeals, listDeals } from './deals-list.service.ts';
import * as service from './deals.service.ts';

const tags = ['deals'];
/** A whole board is tens of kB of JSON: written by a serializer compiled from its schema. */
const boardSerializer = fastOkSerializer(dealBoardSchema);

/** S-1, S-4: deals, the pipeline board, the list, bulk changes and export. */
export const dealsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/deals/board',
    {
      config: { permission: 'deals.read' },
      serializerCompiler: boardSerializer,
      schema: {
        tags,
        summary:
          "A pipeline's board: every stage with the count, sum and weighted sum of ALL its " +
          'matching deals and the first cards; won and lost stages hold the deals closed this ' +
          'month (or in `closeMonth`); `stageId` and `cursor` page one column',
        querystring: dealBoardQuerySchema,
        response: { 200: dealBoardSchema, ...errorResponses },
      },
    },
    (req) => {
      // The session's context holds the organization already: no second read per request.
      const org = sessionUserOf(req)?.organization;
      return getDealBoard(app.db, actorOf(req), req.query, app.now(), org);
    },
  );
  app.get(
    '/api/deals',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: 'The deals list (or a person’s or company’s deals): filters, sort, keyset pages',
        querystring: dealListQuerySchema,
        response: { 200: dealListSchema, ...errorResponses },
      },
    },
    (req) => listDeals(app.db, actorOf(req), req.query),
  );
  app.get(
    '/api/deals/export',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: 'Download the filtered, sorted deals list as CSV',
        querystring: dealExportQuerySchema,
        response: { 200: z.string().describe('The file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const file = await exportDeals(app.db, actorOf(req), req.query, app.now());
      return (
        reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          // A stream goes out as is; the string schema only documents the file.
          .send(file.body as unknown as string)
      );
    },
  );
  app.post(
    '/api/deals',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Create a deal (in the first pipeline’s first open stage unless named)',
        body: dealCreateSchema,
        response: { 201: dealSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createDeal(app.db, actorOf(req), req.body, app.now())),
  );
  app.post(
    '/api/deals/bulk',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Give the selected deals another owner, or move them to another stage',
        body: dealBulkSchema,
        response: { 200: dealBulkResultSchema, ...errorResponses },
      },
    },
    (req) => service.bulkChangeDeals(app.db, actorOf(req), req.body, app.now()),
  );
  app.get(
    '/api/deals/:id',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: 'A deal',
        params: idParamsSchema,
        response: { 200: dealSchema, ...errorResponses },
      },
    },
    (req) => service.getDeal(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/deals/:id',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Change a deal (with its version: 409 when someone saved it meanwhile)',
        params: idParamsSchema,
        body: dealUpdateSchema,
        response: { 200: dealSchema, ...errorResponses },
      },
    },
    (req) => service.updateDeal(app.db, actorOf(req), req.params.id, req.body, app.now()),
  );
  app.delete(
    '/api/deals/:id',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Delete a deal (the timelines of its person and company keep their entries)',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteDeal(app.db, actorOf(req), req.params.id, app.now()),
  );
  app.post(
    '/api/deals/:id/move',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary:
          'Move a deal to another stage of its pipeline: a lost stage needs `lostReasonId`; ' +
          'won and lost set the close time, an open stage reopens it',
        params: idParamsSchema,
        body: dealMoveSchema,
        response: { 200: dealSchema, ...errorResponses },
      },
    },
    (req) => service.updateDeal(app.db, actorOf(req), req.params.id, req.body, app.now()),
  );
  app.get(
    '/api/deals/:id/history',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: "A deal's history, newest first",
        params: idParamsSchema,
        querystring: dealHistoryQuerySchema,
        response: { 200: dealHistoryPageSchema, ...errorResponses },
      },
    },
    (req) => service.getDealHistory(app.db, actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/deals/:id/tasks',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: "A deal's tasks: open ones first",
        params: idParamsSchema,
        response: { 200: dealTaskListSchema, ...errorResponses },
      },
    },
    (req) => tasks.listDealTasks(app.db, actorOf(req), req.params.id, app.now()),
  );
  app.post(
    '/api/deals/:id/tasks',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Link a task to the deal (a task belongs to one deal at most)',
        params: idParamsSchema,
        body: dealTaskLinkSchema,
        response: { 200: dealTaskListSchema, ...errorResponses },
      },
    },
    (req) => tasks.linkDealTask(app.db, actorOf(req), req.params.id, req.body.taskId, app.now()),
  );
  app.delete(
    '/api/deals/:id/tasks/:taskId',
    {
      config: { permission: 'deals.write' },
      schema: {
        tags,
        summary: 'Unlink a task from the deal (the task stays)',
        params: dealTaskParamsSchema,
        response: { 200: dealTaskListSchema, ...errorResponses },
      },
    },
    (req) =>
      tasks.unlinkDealTask(app.db, actorOf(req), req.params.id, req.params.taskId, app.now()),
  );
};
