import {
  idParamsSchema,
  okSchema,
  webhookAttemptListQuerySchema,
  webhookAttemptListSchema,
  webhookDeliveryQueuedSchema,
  webhookEndpointCreateSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
  webhookEndpointWithSecretSchema,
} from '@spotter/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { webhookSecretBox } from './deliver.jobs.ts';
import * as service from './webhooks.service.ts';

const tags = ['webhooks'];
const BASE = '/api/webhook-endpoints';
const config = { permission: 'webhooks.manage' } as const;
const deliveryParamsSchema = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

/** Settings → Webhooks: endpoints, their secrets, the delivery log, redeliver, test. */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (req: FastifyRequest) => ({
    db: app.db,
    actor: actorOf(req),
    box: webhookSecretBox(app.config.sessionSecret),
    now: app.now(),
  });

  app.get(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'List webhook endpoints (never their secrets)',
        response: { 200: webhookEndpointListSchema, ...errorResponses },
      },
    },
    (req) => service.listEndpoints(ctx(req)),
  );
  app.post(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'Add a webhook endpoint; its signing secret is in this response only',
        body: webhookEndpointCreateSchema,
        response: { 201: webhookEndpointWithSecretSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createEndpoint(ctx(req), req.body)),
  );
  app.get(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'One webhook endpoint',
        params: idParamsSchema,
        response: { 200: webhookEndpointSchema, ...errorResponses },
      },
    },
    (req) => service.getEndpoint(ctx(req), req.params.id),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change an endpoint: address, description, event types, on or off',
        params: idParamsSchema,
        body: webhookEndpointUpdateSchema,
        response: { 200: webhookEndpointSchema, ...errorResponses },
      },
    },
    (req) => service.updateEndpoint(ctx(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete an endpoint with its delivery log',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteEndpoint(ctx(req), req.params.id),
  );
  app.post(
    `${BASE}/:id/rotate-secret`,
    {
      config,
      schema: {
        tags,
        summary: 'Give an endpoint a new signing secret (shown once); the old one stops at once',
        params: idParamsSchema,
        response: { 200: webhookEndpointWithSecretSchema, ...errorResponses },
      },
    },
    (req) => service.rotateSecret(ctx(req), req.params.id),
  );
  app.post(
    `${BASE}/:id/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a webhook.test event to this endpoint',
        params: idParamsSchema,
        response: { 202: webhookDeliveryQueuedSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await service.sendTest(ctx(req), req.params.id)),
  );
  app.get(
    `${BASE}/:id/attempts`,
    {
      config,
      schema: {
        tags,
        summary: "The endpoint's delivery log: each try, newest first",
        params: idParamsSchema,
        querystring: webhookAttemptListQuerySchema,
        response: { 200: webhookAttemptListSchema, ...errorResponses },
      },
    },
    (req) => service.listAttempts(ctx(req), req.params.id, req.query),
  );
  app.post(
    `${BASE}/:id/deliveries/:deliveryId/redeliver`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a delivered or failed event again (same webhook-id and body)',
        params: deliveryParamsSchema,
        response: { 202: webhookDeliveryQueuedSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await service.redeliver(ctx(req), req.params.id, req.params.deliveryId)),
  );
};
