import {
  loginBodySchema,
  meSchema,
  meUpdateSchema,
  okSchema,
  passwordChangeSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './auth.service.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';
import { sessionUserOf } from './session-auth.ts';
import { endSession, startSession } from './sessions.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ limiter: LoginLimiter }> = async (
  app,
  { limiter },
) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Log in with email and password; sets the session cookie',
        body: loginBodySchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { user, organization } = await service.login(app.db, limiter, req.body, req.ip);
      const token = await startSession(app.db, app.config.sessionSecret, user, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
      });
      setSessionCookie(req, reply, token);
      return service.buildMe(user, organization);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags, summary: 'End this session', response: { 200: okSchema, ...errorResponses } },
    },
    async (req, reply) => {
      const token = sessionTokenOf(req);
      if (token) await endSession(app.db, app.config.sessionSecret, token);
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'The signed-in user, their role, permissions and organization',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    (req) => {
      const found = sessionUserOf(req);
      return found
        ? service.buildMe(found.user, found.organization)
        : service.getMe(app.db, actorOf(req));
    },
  );

  app.patch(
    '/api/me',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change your own name or language',
        body: meUpdateSchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    (req) => service.updateMe(app.db, actorOf(req), req.body),
  );

  app.post(
    '/api/me/password',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change your own password; other sessions end',
        body: passwordChangeSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await service.changePassword(app.db, actor, req.body, async () => {
        const token = await startSession(
          app.db,
          app.config.sessionSecret,
          { id: actor.userId!, orgId: actor.orgId },
          { ip: req.ip, userAgent: req.headers['user-agent'] },
        );
        setSessionCookie(req, reply, token);
      });
      return { ok: true as const };
    },
  );
};
