import {
  dictionaryCreateSchema,
  dictionaryListSchema,
  dictionarySchema,
  dictionaryUpdateSchema,
  idParamsSchema,
  taskStatusCreateSchema,
  taskStatusListSchema,
  taskStatusSchema,
  taskStatusUpdateSchema,
  taskTemplateListQuerySchema,
  templateDeleteResultSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as dictionaries from './dictionaries.service.ts';
import * as statuses from './task-statuses.service.ts';
import { templateRoutes } from './templates.routes.ts';

const tags = ['task-settings'];
/** Same `?includeArchived=true` switch as the template list. */
const listQuery = taskTemplateListQuerySchema;

const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/task-statuses',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'List task statuses, ordered (the first is what a card leaving Unsorted gets)',
        querystring: listQuery,
        response: { 200: taskStatusListSchema, ...errorResponses },
      },
    },
    (req) => statuses.listTaskStatuses(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/settings/task-statuses',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a task status',
        body: taskStatusCreateSchema,
        response: { 201: taskStatusSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await statuses.createTaskStatus(app.db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/settings/task-statuses/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, recolour, reorder, archive or restore a task status',
        params: idParamsSchema,
        body: taskStatusUpdateSchema,
        response: { 200: taskStatusSchema, ...errorResponses },
      },
    },
    (req) => statuses.updateTaskStatus(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/settings/task-statuses/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a task status, or archive it when open tasks show it',
        params: idParamsSchema,
        response: { 200: templateDeleteResultSchema, ...errorResponses },
      },
    },
    (req) => statuses.deleteTaskStatus(app.db, actorOf(req), req.params.id),
  );
};

const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/dictionaries',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags,
        summary: 'List the dictionaries of choice fields (refusal reasons …)',
        querystring: listQuery,
        response: { 200: dictionaryListSchema, ...errorResponses },
      },
    },
    (req) => dictionaries.listDictionaries(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/settings/dictionaries',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a dictionary with its options',
        body: dictionaryCreateSchema,
        response: { 201: dictionarySchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await dictionaries.createDictionary(app.db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/settings/dictionaries/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, archive or edit the options of a dictionary (option ids are kept)',
        description:
          'A stale `version` gets 409 `version_conflict`. An option left out that completed ' +
          'tasks store stays, archived.',
        params: idParamsSchema,
        body: dictionaryUpdateSchema,
        response: { 200: dictionarySchema, ...errorResponses },
      },
    },
    (req) => dictionaries.updateDictionary(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/settings/dictionaries/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a dictionary no result field uses (409 `in_use` names the results)',
        params: idParamsSchema,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await dictionaries.deleteDictionary(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};

/** T-3 … T-6 settings: templates with results and workflows, statuses, dictionaries. */
export const taskSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(templateRoutes);
  await app.register(statusRoutes);
  await app.register(dictionaryRoutes);
};
