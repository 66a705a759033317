import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
  idParamsSchema,
  okSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './api-tokens.service.ts';

const tags = ['api-tokens'];

export const apiTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/api-tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'List live API tokens (never their secrets)',
        response: { 200: apiTokenListSchema, ...errorResponses },
      },
    },
    (req) => service.listTokens(app.db, actorOf(req)),
  );

  app.post(
    '/api/api-tokens',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Create an API token; the secret is in this response only',
        body: apiTokenCreateSchema,
        response: { 201: apiTokenCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createToken(app.db, actorOf(req), req.body, app.now())),
  );

  app.delete(
    '/api/api-tokens/:id',
    {
      config: { permission: 'tokens.manage' },
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      const revoked = await service.revokeToken(app.db, actorOf(req), req.params.id);
      // Committed: this instance stops accepting the token before it answers.
      app.authCache.forgetApiToken(req.params.id);
      return revoked;
    },
  );
};
