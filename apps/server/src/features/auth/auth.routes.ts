import {
  loginBodySchema,
  loginCodeBodySchema,
  loginResultSchema,
  meSchema,
  meUpdateSchema,
  okSchema,
  passwordChangeSchema,
} from '@spotter/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OrganizationRow } from '../organizations/index.ts';
import type { UserRow } from '../users/index.ts';
import { actorOf } from '../../plugins/auth.ts';
import { fastOkSerializer } from '../../plugins/fast-serializer.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './auth.service.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { hasTwoStep } from '../two-step/index.ts';
import {
  challengeTokenOf,
  clearChallengeCookie,
  loginWithCode,
  setChallengeCookie,
  startChallenge,
} from './two-step-login.ts';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from './session-cookie.ts';
import { sessionUserOf } from './session-auth.ts';
import { endSession, sessionId, startSession } from './sessions.service.ts';

const tags = ['auth'];
/** Every page load of the web app asks /api/me: its answer is written by a compiled serializer. */
const meSerializer = fastOkSerializer(meSchema);

export const authRoutes: FastifyPluginAsyncZod<{
  limiter: LoginLimiter;
  accountLimiter: LoginLimiter;
}> = async (app, { limiter, accountLimiter }) => {
  const signIn = async (
    req: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    organization: OrganizationRow,
    twoStepEnabled: boolean,
  ) => {
    const token = await startSession(app.db, app.config.sessionSecret, user, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    setSessionCookie(req, reply, token);
    return service.buildMe(user, organization, twoStepEnabled);
  };

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Log in with email and password; sets the session cookie, or, when two-step is on, ' +
          'answers `twoStepRequired` and a short-lived login cookie for POST /api/auth/login/code',
        body: loginBodySchema,
        response: { 200: loginResultSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { user, organization } = await service.login(app.db, limiter, req.body, req.ip);
      if (!(await hasTwoStep(app.db, user.orgId, user.id))) {
        return signIn(req, reply, user, organization, false);
      }
      const challenge = await startChallenge(app.db, app.config.sessionSecret, user);
      setChallengeCookie(req, reply, challenge.token);
      return { twoStepRequired: true as const, expiresAt: challenge.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/auth/login/code',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'The second step of a login: a code from the authenticator app or a recovery code; ' +
          'sets the session cookie',
        body: loginCodeBodySchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { user, organization } = await loginWithCode(
        app.db,
        app.config.sessionSecret,
        { limiter, accountLimiter },
        { token: challengeTokenOf(req), code: req.body.code, ip: req.ip, now: app.now() },
      );
      clearChallengeCookie(req, reply);
      return signIn(req, reply, user, organization, true);
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
      if (token) {
        await endSession(app.db, app.config.sessionSecret, token);
        app.authCache.forgetSession(sessionId(app.config.sessionSecret, token));
      }
      clearSessionCookie(req, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'session', beforePasswordChange: true, beforeTwoStepSetup: true },
      serializerCompiler: meSerializer,
      schema: {
        tags,
        summary: 'The signed-in user, their role, permissions and organization',
        response: { 200: meSchema, ...errorResponses },
      },
    },
    (req) => {
      const found = sessionUserOf(req);
      return found
        ? service.buildMe(found.user, found.organization, found.twoStepEnabled)
        : service.getMe(app.db, actorOf(req));
    },
  );

  app.patch(
    '/api/me',
    {
      config: { permission: 'session', beforePasswordChange: true, beforeTwoStepSetup: true },
      schema: {
        tags,
        summary: 'Change your own name, language or whether reminders also come by email',
        body: meUpdateSchema,
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (req) => {
      const me = await service.updateMe(app.db, actorOf(req), req.body);
      app.authCache.forgetUser(me.user.id);
      return me;
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { permission: 'session', beforePasswordChange: true, beforeTwoStepSetup: true },
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
      // Every other session of the user ended with the change: forget them here at once.
      app.authCache.forgetUser(actor.userId!);
      return { ok: true as const };
    },
  );
};
