import {
  meSchema,
  organizationSchema,
  organizationUpdateSchema,
  setupBodySchema,
  setupStatusSchema,
} from '@spotter/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { seedDemo } from '../../db/seed/demo.ts';
import { AppError } from '../../lib/errors.ts';
import { actorOf, setSessionCookie } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { buildMe, startSession } from '../auth/index.ts';
import * as service from './organizations.service.ts';

const tags = ['organization'];

export const organizationsRoutes: FastifyPluginAsyncZod = async (app) => {
  async function createAndLogIn(
    req: FastifyRequest,
    reply: FastifyReply,
    body: z.output<typeof setupBodySchema>,
    firstOnly: boolean,
  ) {
    const { organization, owner } = await service.createOrganization(app.db, body, firstOnly);
    if (body.demoData) await seedDemo(app.db, { orgId: organization.id, ownerId: owner.id });
    const token = await startSession(app.db, app.config.sessionSecret, owner, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    setSessionCookie(req, reply, token);
    return reply.code(201).send(buildMe(owner, organization));
  }

  app.get(
    '/api/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Whether the first-run setup is still needed',
        response: { 200: setupStatusSchema },
      },
    },
    async () => ({ needed: await service.isSetupNeeded(app.db) }),
  );

  app.post(
    '/api/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'First run: create the organization and its owner, and log the owner in',
        body: setupBodySchema,
        response: { 201: meSchema, ...errorResponses },
      },
    },
    (req, reply) => createAndLogIn(req, reply, req.body, true),
  );

  app.post(
    '/api/signup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Create another organization (only when SIGNUP=open)',
        body: setupBodySchema,
        response: { 201: meSchema, ...errorResponses },
      },
    },
    (req, reply) => {
      if (app.config.signup !== 'open') {
        throw new AppError(403, 'signup_closed', 'Sign-up is closed on this server');
      }
      return createAndLogIn(req, reply, req.body, false);
    },
  );

  app.get(
    '/api/organization',
    {
      schema: {
        tags,
        summary: 'The organization’s settings',
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    (req) => service.getOrganization(app.db, actorOf(req)),
  );

  app.patch(
    '/api/organization',
    {
      schema: {
        tags,
        summary: 'Change name, timezone, language or currency (409 on a stale version)',
        body: organizationUpdateSchema,
        response: { 200: organizationSchema, ...errorResponses },
      },
    },
    (req) => service.updateOrganization(app.db, actorOf(req), req.body),
  );
};
