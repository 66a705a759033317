import { meSchema, setupBodySchema, setupStatusSchema } from '@spotter/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { buildMe } from './auth.service.ts';
import { setSessionCookie } from './session-cookie.ts';
import type { SignupLimiter } from './signup-limiter.ts';
import { startSession } from './sessions.service.ts';
import { createOrganization, isSetupNeeded, organizationSetUp } from './signup.service.ts';

const tags = ['organization'];

/**
 * First-run setup and open signup: a new organization, its owner, and the owner logged in.
 * Signup is limited per client address (decision 0011); the first-run setup needs no limit, as
 * it works once.
 */
export const signupRoutes: FastifyPluginAsyncZod<{ limiter: SignupLimiter }> = async (
  app,
  { limiter },
) => {
  async function createAndLogIn(
    req: FastifyRequest,
    reply: FastifyReply,
    body: z.output<typeof setupBodySchema>,
    firstOnly: boolean,
  ) {
    const { organization, owner } = await createOrganization(app.db, body, firstOnly);
    await organizationSetUp.run(app.db, {
      orgId: organization.id,
      ownerId: owner.id,
      demoData: body.demoData ?? false,
      sessionSecret: app.config.sessionSecret,
    });
    const token = await startSession(app.db, app.config.sessionSecret, owner, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    setSessionCookie(req, reply, token);
    return reply.code(201).send(buildMe(owner, organization, false));
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
    async () => ({ needed: await isSetupNeeded(app.db) }),
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
        summary: 'Create another organization (only when SIGNUP=open); limited per client address',
        body: setupBodySchema,
        response: { 201: meSchema, ...errorResponses },
      },
    },
    (req, reply) => {
      if (app.config.signup !== 'open') {
        throw new AppError(403, 'signup_closed', 'Sign-up is closed on this server');
      }
      const wait = limiter.attempt(req.ip);
      if (wait > 0) {
        throw new AppError(
          429,
          'rate_limited',
          'Too many sign-ups from this address. Try again later.',
          undefined,
          { headers: { 'retry-after': String(wait) } },
        );
      }
      return createAndLogIn(req, reply, req.body, false);
    },
  );
};
