import {
  archiveResultSchema,
  dealListItemCreateSchema,
  dealListItemListSchema,
  dealListItemParamsSchema,
  dealListItemSchema,
  dealListItemUpdateSchema,
  dealListKindParamsSchema,
  idParamsSchema,
  includeArchivedQuerySchema,
  pipelineCreateSchema,
  pipelineListSchema,
  pipelineSchema,
  pipelineUpdateSchema,
  stageCreateSchema,
  stageOrderSchema,
  stageParamsSchema,
  stageUpdateSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as lists from './deal-lists.service.ts';
import * as service from './pipelines.service.ts';

const tags = ['pipelines'];

/** S-2: pipelines and their stages, lost reasons and deal types (settings). */
export const pipelinesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/pipelines',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: 'List the pipelines with their stages, ordered',
        querystring: includeArchivedQuerySchema,
        response: { 200: pipelineListSchema, ...errorResponses },
      },
    },
    (req) => service.listPipelines(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/pipelines',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: "Create a pipeline (without stages: the default ones in the club's language)",
        body: pipelineCreateSchema,
        response: { 201: pipelineSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createPipeline(app.db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/pipelines/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, reorder, archive or restore a pipeline, or set its won status',
        params: idParamsSchema,
        body: pipelineUpdateSchema,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (req) => service.updatePipeline(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/pipelines/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a pipeline, or archive it when deals are in it',
        params: idParamsSchema,
        response: { 200: archiveResultSchema, ...errorResponses },
      },
    },
    (req) => service.deletePipeline(app.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/pipelines/:id/stages',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add a stage to a pipeline',
        params: idParamsSchema,
        body: stageCreateSchema,
        response: { 201: pipelineSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.createStage(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/pipelines/:id/stages/:stageId',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary:
          "Change a stage's name, probability, colour or state (not while deals are in it), " +
          'archive or restore it',
        params: stageParamsSchema,
        body: stageUpdateSchema,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (req) => service.updateStage(app.db, actorOf(req), req.params.id, req.params.stageId, req.body),
  );
  app.delete(
    '/api/pipelines/:id/stages/:stageId',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a stage, or archive it when deals are in it',
        params: stageParamsSchema,
        response: { 200: archiveResultSchema, ...errorResponses },
      },
    },
    (req) => service.deleteStage(app.db, actorOf(req), req.params.id, req.params.stageId),
  );
  app.put(
    '/api/pipelines/:id/stage-order',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: "Put a pipeline's live stages in a new order",
        params: idParamsSchema,
        body: stageOrderSchema,
        response: { 200: pipelineSchema, ...errorResponses },
      },
    },
    (req) => service.orderStages(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/deal-lists/:kind',
    {
      config: { permission: 'deals.read' },
      schema: {
        tags,
        summary: 'List the lost reasons or the deal types, ordered',
        params: dealListKindParamsSchema,
        querystring: includeArchivedQuerySchema,
        response: { 200: dealListItemListSchema, ...errorResponses },
      },
    },
    (req) => lists.listDealItems(app.db, actorOf(req), req.params.kind, req.query),
  );
  app.post(
    '/api/deal-lists/:kind',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add a lost reason or a deal type',
        params: dealListKindParamsSchema,
        body: dealListItemCreateSchema,
        response: { 201: dealListItemSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await lists.createDealItem(app.db, actorOf(req), req.params.kind, req.body)),
  );
  app.patch(
    '/api/deal-lists/:kind/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, reorder, archive or restore a lost reason or deal type',
        params: dealListItemParamsSchema,
        body: dealListItemUpdateSchema,
        response: { 200: dealListItemSchema, ...errorResponses },
      },
    },
    (req) => lists.updateDealItem(app.db, actorOf(req), req.params.kind, req.params.id, req.body),
  );
  app.delete(
    '/api/deal-lists/:kind/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a lost reason or deal type, or archive it when deals use it',
        params: dealListItemParamsSchema,
        response: { 200: archiveResultSchema, ...errorResponses },
      },
    },
    (req) => lists.deleteDealItem(app.db, actorOf(req), req.params.kind, req.params.id),
  );
};
