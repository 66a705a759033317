import {
  audienceCountsSchema,
  audienceQuerySchema,
  campaignCreateSchema,
  campaignPageSchema,
  campaignSchema,
  campaignSendSchema,
  campaignTestSchema,
  campaignUpdateSchema,
  campaignVersionSchema,
  idParamsSchema,
  mailTestResultSchema,
  okSchema,
  recipientListQuerySchema,
  recipientPageSchema,
} from '@spotter/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as send from './campaign-send.service.ts';
import * as service from './campaigns.service.ts';

const tags = ['mailing'];
const BASE = '/api/campaigns';
const config = { permission: 'mailing.manage' } as const;

/**
 * Where the links in a mail point: PUBLIC_URL when set (behind a proxy only it is right), else
 * the origin this request came to.
 */
const publicBase = (req: FastifyRequest) =>
  (req.server.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');

/** Campaigns (M-1, M-2): write to a filtered list, send now or later, pause, follow delivery. */
export const campaignsRoutes: FastifyPluginAsyncZod = async (app) => {
  const allow = new AllowList(app.config.smtpAllowHosts ?? []);
  const ctx = (req: FastifyRequest): send.SendContext => ({
    db: app.db,
    actor: actorOf(req),
    now: app.now(),
    publicBase: publicBase(req),
    box: secretBoxFor(app.config.sessionSecret, 'mail settings'),
    sessionSecret: app.config.sessionSecret,
    transport: { allow },
  });

  app.get(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'The campaigns, newest first',
        querystring: z.strictObject({ cursor: z.string().max(500).optional() }),
        response: { 200: campaignPageSchema, ...errorResponses },
      },
    },
    (req) => service.listCampaigns(app.db, actorOf(req), req.query),
  );
  app.post(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'Add a campaign (a draft)',
        body: campaignCreateSchema,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createCampaign(app.db, actorOf(req), req.body)),
  );
  app.post(
    `${BASE}/audience`,
    {
      config,
      schema: {
        tags,
        summary: 'Who a filter reaches on a channel: matched, no address, no consent …',
        body: audienceQuerySchema,
        response: { 200: audienceCountsSchema, ...errorResponses },
      },
    },
    (req) => service.audienceCounts(app.db, actorOf(req), req.body, app.now()),
  );
  app.get(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'One campaign with its live totals',
        params: idParamsSchema,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    (req) => service.getCampaign(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a draft or scheduled campaign (409 when someone saved it since)',
        params: idParamsSchema,
        body: campaignUpdateSchema,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    (req) => service.updateCampaign(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete a draft',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteCampaign(app.db, actorOf(req), req.params.id),
  );
  app.post(
    `${BASE}/:id/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a test of the mail to an address, filled in for a person',
        params: idParamsSchema,
        body: campaignTestSchema,
        response: { 200: mailTestResultSchema, ...errorResponses },
      },
    },
    (req) => send.testCampaign(ctx(req), req.params.id, req.body),
  );
  app.post(
    `${BASE}/:id/send`,
    {
      config,
      schema: {
        tags,
        summary: 'Start sending now, or schedule it',
        params: idParamsSchema,
        body: campaignSendSchema,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    (req) => send.sendCampaign(ctx(req), req.params.id, req.body),
  );
  const actions = {
    pause: ['Pause sending', send.pauseCampaign],
    resume: ['Resume sending', send.resumeCampaign],
    cancel: ['Cancel: whoever is not sent yet is skipped', send.cancelCampaign],
  } as const;
  for (const [action, [summary, run]] of Object.entries(actions)) {
    app.post(
      `${BASE}/:id/${action}`,
      {
        config,
        schema: {
          tags,
          summary,
          params: idParamsSchema,
          body: campaignVersionSchema,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      (req) => run(ctx(req), req.params.id, req.body.version),
    );
  }
  app.get(
    `${BASE}/:id/recipients`,
    {
      config,
      schema: {
        tags,
        summary: 'The recipients and how far each got',
        params: idParamsSchema,
        querystring: recipientListQuerySchema,
        response: { 200: recipientPageSchema, ...errorResponses },
      },
    },
    (req) => service.listRecipients(app.db, actorOf(req), req.params.id, req.query),
  );
};
