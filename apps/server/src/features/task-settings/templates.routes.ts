import {
  idParamsSchema,
  taskResultCreateSchema,
  taskResultSchema,
  taskResultUpdateSchema,
  taskTemplateCreateSchema,
  taskTemplateListQuerySchema,
  taskTemplateListSchema,
  taskTemplateSchema,
  taskTemplateUpdateSchema,
  templateDeleteResultSchema,
  templateResultParamsSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as results from './results.service.ts';
import * as templates from './templates.service.ts';

const tags = ['task-settings'];
const BASE = '/api/settings/task-templates';

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    BASE,
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'List task templates, ordered, each with its results',
        description: 'Archived templates and results only with `includeArchived=true`.',
        querystring: taskTemplateListQuerySchema,
        response: { 200: taskTemplateListSchema, ...errorResponses },
      },
    },
    (req) => templates.listTemplates(app.db, actorOf(req), req.query),
  );
  app.post(
    BASE,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a task template',
        body: taskTemplateCreateSchema,
        response: { 201: taskTemplateSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await templates.createTemplate(app.db, actorOf(req), req.body)),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'One task template with its results',
        params: idParamsSchema,
        querystring: taskTemplateListQuerySchema,
        response: { 200: taskTemplateSchema, ...errorResponses },
      },
    },
    (req) => templates.getTemplate(app.db, actorOf(req), req.params.id, req.query),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Edit, reorder, archive or restore a task template',
        description:
          'A stale `version` gets 409 `version_conflict`; archiving the default of a type 422.',
        params: idParamsSchema,
        body: taskTemplateUpdateSchema,
        response: { 200: taskTemplateSchema, ...errorResponses },
      },
    },
    (req) => templates.updateTemplate(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a task template, or archive it when tasks or workflows use it',
        description: 'The default template of a type cannot be deleted (422 `default_template`).',
        params: idParamsSchema,
        response: { 200: templateDeleteResultSchema, ...errorResponses },
      },
    },
    (req) => templates.deleteTemplate(app.db, actorOf(req), req.params.id),
  );

  app.post(
    `${BASE}/:id/results`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add a result to a task template, with its extra fields and next step',
        params: idParamsSchema,
        body: taskResultCreateSchema,
        response: { 201: taskResultSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await results.createResult(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    `${BASE}/:id/results/:resultId`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Edit, reorder, archive or restore a result (field ids are kept)',
        params: templateResultParamsSchema,
        body: taskResultUpdateSchema,
        response: { 200: taskResultSchema, ...errorResponses },
      },
    },
    (req) =>
      results.updateResult(app.db, actorOf(req), req.params.id, req.params.resultId, req.body),
  );
  app.delete(
    `${BASE}/:id/results/:resultId`,
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a result, or archive it when completed tasks hold it',
        params: templateResultParamsSchema,
        response: { 200: templateDeleteResultSchema, ...errorResponses },
      },
    },
    (req) => results.deleteResult(app.db, actorOf(req), req.params.id, req.params.resultId),
  );
};
