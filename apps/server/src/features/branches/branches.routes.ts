import {
  branchCreateSchema,
  branchListQuerySchema,
  branchListSchema,
  branchSchema,
  branchUpdateSchema,
  idParamsSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './branches.service.ts';

const tags = ['branches'];

export const branchesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/branches',
    {
      config: { permission: 'branches.read' },
      schema: {
        tags,
        summary: 'List branches',
        querystring: branchListQuerySchema,
        response: { 200: branchListSchema, ...errorResponses },
      },
    },
    (req) => service.listBranches(app.db, actorOf(req), req.query.includeArchived),
  );

  app.get(
    '/api/branches/:id',
    {
      config: { permission: 'branches.read' },
      schema: {
        tags,
        summary: 'Read one branch',
        params: idParamsSchema,
        response: { 200: branchSchema, ...errorResponses },
      },
    },
    (req) => service.getBranch(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/branches',
    {
      config: { permission: 'branches.manage' },
      schema: {
        tags,
        summary: 'Create a branch',
        body: branchCreateSchema,
        response: { 201: branchSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createBranch(app.db, actorOf(req), req.body.name)),
  );

  app.patch(
    '/api/branches/:id',
    {
      config: { permission: 'branches.manage' },
      schema: {
        tags,
        summary: 'Rename, archive or restore a branch',
        params: idParamsSchema,
        body: branchUpdateSchema,
        response: { 200: branchSchema, ...errorResponses },
      },
    },
    (req) => service.updateBranch(app.db, actorOf(req), req.params.id, req.body),
  );
};
