import {
  groupCreateSchema,
  groupDeleteResultSchema,
  groupListQuerySchema,
  groupMemberParamsSchema,
  groupMemberPutSchema,
  groupSchema,
  groupTreeSchema,
  groupUpdateSchema,
  idParamsSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './groups.service.ts';

const tags = ['groups'];

/** Reading the tree is for everyone who works in the CRM (filters, pickers); changing it is a setting. */
export const groupsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/groups',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'The group tree, depth first',
        querystring: groupListQuerySchema,
        response: { 200: groupTreeSchema, ...errorResponses },
      },
    },
    (req) => service.listGroups(app.db, actorOf(req), req.query.includeArchived),
  );

  app.get(
    '/api/groups/:id',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'Read one group',
        params: idParamsSchema,
        response: { 200: groupSchema, ...errorResponses },
      },
    },
    (req) => service.getGroup(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/groups',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a group',
        body: groupCreateSchema,
        response: { 201: groupSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createGroup(app.db, actorOf(req), req.body)),
  );

  app.patch(
    '/api/groups/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change, move, archive or restore a group',
        params: idParamsSchema,
        body: groupUpdateSchema,
        response: { 200: groupSchema, ...errorResponses },
      },
    },
    (req) => service.updateGroup(app.db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/groups/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a group nobody uses, or archive one in use',
        params: idParamsSchema,
        response: { 200: groupDeleteResultSchema, ...errorResponses },
      },
    },
    (req) => service.deleteGroup(app.db, actorOf(req), req.params.id),
  );

  app.put(
    '/api/groups/:id/members/:userId',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Add a member to a group, or change their role in it',
        params: groupMemberParamsSchema,
        body: groupMemberPutSchema,
        response: { 200: groupSchema, ...errorResponses },
      },
    },
    (req) => service.putMember(app.db, actorOf(req), req.params, req.body.role),
  );

  app.delete(
    '/api/groups/:id/members/:userId',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Remove a member from a group',
        params: groupMemberParamsSchema,
        response: { 200: groupSchema, ...errorResponses },
      },
    },
    (req) => service.removeMember(app.db, actorOf(req), req.params),
  );
};
