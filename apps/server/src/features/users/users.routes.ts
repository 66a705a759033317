import {
  idParamsSchema,
  passwordResetSchema,
  staffListSchema,
  userCreatedSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
  userUpdateSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './users.service.ts';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'List staff users',
        querystring: userListQuerySchema,
        response: { 200: userListSchema, ...errorResponses },
      },
    },
    (req) => service.listUsers(app.db, actorOf(req), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/staff',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'Colleagues (active and inactive) to pick as responsible or filter by',
        response: { 200: staffListSchema, ...errorResponses },
      },
    },
    (req) => service.listStaff(app.db, actorOf(req)),
  );

  app.get(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Read one staff user',
        params: idParamsSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    (req) => service.getUser(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Create a staff user with a temporary password (shown once)',
        body: userCreateSchema,
        response: { 201: userCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const created = await service.createUser(app.db, actorOf(req), req.body);
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Change a user’s name, role, branches or active flag',
        params: idParamsSchema,
        body: userUpdateSchema,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => {
      const user = await service.updateUser(app.db, actorOf(req), req.params.id, req.body);
      // Committed: this instance stops remembering the user's sessions before it answers.
      app.authCache.forgetUser(req.params.id);
      return user;
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Give a user a new temporary password and end their sessions',
        params: idParamsSchema,
        response: { 200: passwordResetSchema, ...errorResponses },
      },
    },
    async (req) => {
      const reset = await service.resetPassword(app.db, actorOf(req), req.params.id);
      app.authCache.forgetUser(req.params.id);
      return reset;
    },
  );
};
