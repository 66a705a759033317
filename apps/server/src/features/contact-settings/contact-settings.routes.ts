import {
  crmSettingsSchema,
  crmSettingsUpdateSchema,
  customFieldCreateSchema,
  customFieldListSchema,
  customFieldSchema,
  customFieldUpdateSchema,
  idParamsSchema,
  lookupCreateSchema,
  lookupKindParamsSchema,
  lookupListQuerySchema,
  lookupListSchema,
  lookupMoveResultSchema,
  lookupMoveSchema,
  lookupParamsSchema,
  lookupSchema,
  lookupUpdateSchema,
  statusCreateSchema,
  statusListQuerySchema,
  statusListSchema,
  statusSchema,
  statusUpdateSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as crm from './crm-settings.service.ts';
import * as fields from './custom-fields.service.ts';
import * as lookups from './lookups.service.ts';
import * as statuses from './statuses.service.ts';

const tags = ['contact settings'];
const noContent = { 204: z.null().describe('Deleted') };

const statusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/statuses',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'List person or company statuses, ordered',
        querystring: statusListQuerySchema,
        response: { 200: statusListSchema, ...errorResponses },
      },
    },
    (req) => statuses.listStatuses(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/settings/statuses',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a status',
        body: statusCreateSchema,
        response: { 201: statusSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await statuses.createStatus(app.db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/settings/statuses/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, recolour, reorder, archive or restore a status',
        params: idParamsSchema,
        body: statusUpdateSchema,
        response: { 200: statusSchema, ...errorResponses },
      },
    },
    (req) => statuses.updateStatus(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/settings/statuses/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a status no live contact uses (409 in_use otherwise)',
        params: idParamsSchema,
        response: { ...noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await statuses.deleteStatus(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};

const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/custom-fields',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'List custom fields ("CRM variables"), ordered',
        querystring: statusListQuerySchema,
        response: { 200: customFieldListSchema, ...errorResponses },
      },
    },
    (req) => fields.listCustomFields(app.db, actorOf(req), req.query),
  );
  app.post(
    '/api/settings/custom-fields',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a custom field',
        body: customFieldCreateSchema,
        response: { 201: customFieldSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await fields.createCustomField(app.db, actorOf(req), req.body)),
  );
  app.patch(
    '/api/settings/custom-fields/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, reorder, archive a custom field or edit its options (ids are kept)',
        params: idParamsSchema,
        body: customFieldUpdateSchema,
        response: { 200: customFieldSchema, ...errorResponses },
      },
    },
    (req) => fields.updateCustomField(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/settings/custom-fields/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a custom field and its values on every contact',
        params: idParamsSchema,
        response: { ...noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await fields.deleteCustomField(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};

const crmRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/crm',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'CRM settings in force (trash retention, phone region, working day)',
        response: { 200: crmSettingsSchema, ...errorResponses },
      },
    },
    (req) => crm.readCrmSettings(app.db, actorOf(req)),
  );
  app.patch(
    '/api/settings/crm',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change CRM settings (409 version_conflict on a stale version)',
        body: crmSettingsUpdateSchema,
        response: { 200: crmSettingsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const saved = await crm.updateCrmSettings(app.db, actor, req.body);
      // Who may use the CRM and see the reports is part of every remembered session.
      if (req.body.crmRoles || req.body.reportRoles) app.authCache.forgetOrganization(actor.orgId);
      return saved;
    },
  );
};

const lookupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/settings/:kind',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'List tags, categories, industries, sources, products or history event types',
        params: lookupKindParamsSchema,
        querystring: lookupListQuerySchema,
        response: { 200: lookupListSchema, ...errorResponses },
      },
    },
    (req) => lookups.listLookups(app.db, actorOf(req), req.params.kind, req.query),
  );
  app.post(
    '/api/settings/:kind',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add an entry to a list',
        params: lookupKindParamsSchema,
        body: lookupCreateSchema,
        response: { 201: lookupSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await lookups.createLookup(app.db, actorOf(req), req.params.kind, req.body)),
  );
  app.patch(
    '/api/settings/:kind/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Rename, recolour, rescope, reorder, archive or restore a list entry',
        params: lookupParamsSchema,
        body: lookupUpdateSchema,
        response: { 200: lookupSchema, ...errorResponses },
      },
    },
    (req) => lookups.updateLookup(app.db, actorOf(req), req.params.kind, req.params.id, req.body),
  );
  app.delete(
    '/api/settings/:kind/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a list entry and remove it from every contact',
        params: lookupParamsSchema,
        response: { ...noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await lookups.deleteLookup(app.db, actorOf(req), req.params.kind, req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/settings/:kind/:id/move',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Move every contact of one industry (or source) to another',
        params: lookupParamsSchema,
        body: lookupMoveSchema,
        response: { 200: lookupMoveResultSchema, ...errorResponses },
      },
    },
    (req) =>
      lookups.moveLookup(app.db, actorOf(req), req.params.kind, req.params.id, req.body.targetId),
  );
};

export const contactSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(statusRoutes);
  await app.register(customFieldRoutes);
  await app.register(crmRoutes);
  await app.register(lookupRoutes);
};
