import {
  idParamsSchema,
  okSchema,
  recoveryCodesSchema,
  twoStepConfirmSchema,
  twoStepProofSchema,
  twoStepSetupSchema,
  twoStepStatusSchema,
  userTwoStepSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { twoStepBox } from './two-step-box.ts';
import * as admin from './two-step-admin.service.ts';
import * as service from './two-step.service.ts';

const tags = ['two-step'];
/** Reachable by a user the organization sends to set two-step up before anything else. */
const duringSetup = { beforeTwoStepSetup: true, permission: 'session' } as const;

export const twoStepRoutes: FastifyPluginAsyncZod = async (app) => {
  const box = twoStepBox(app.config.sessionSecret);

  app.get(
    '/api/me/two-step',
    {
      config: duringSetup,
      schema: {
        tags,
        summary: 'Whether your two-step sign-in is on, and how many recovery codes are left',
        response: { 200: twoStepStatusSchema, ...errorResponses },
      },
    },
    (req) => service.getStatus(app.db, actorOf(req)),
  );

  app.post(
    '/api/me/two-step/setup',
    {
      config: duringSetup,
      schema: {
        tags,
        summary: 'Start setting up two-step: a new secret as text, otpauth URI and QR code',
        response: { 200: twoStepSetupSchema, ...errorResponses },
      },
    },
    (req) => service.beginSetup(app.db, box, actorOf(req), app.now()),
  );

  app.post(
    '/api/me/two-step/confirm',
    {
      config: duringSetup,
      schema: {
        tags,
        summary: 'Turn two-step on with a first code from the app; answers the recovery codes once',
        body: twoStepConfirmSchema,
        response: { 200: recoveryCodesSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const codes = await service.confirmSetup(app.db, box, actor, req.body.code, app.now());
      // Committed: this instance forgets the user's sessions before it answers (decision 0019).
      if (actor.userId) app.authCache.forgetUser(actor.userId);
      return codes;
    },
  );

  app.post(
    '/api/me/two-step/disable',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'Turn two-step off, with your password or a current code',
        body: twoStepProofSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await service.disable(app.db, box, actor, req.body, app.now());
      if (actor.userId) app.authCache.forgetUser(actor.userId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/me/two-step/recovery-codes',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working), with your password or a code',
        body: twoStepProofSchema,
        response: { 200: recoveryCodesSchema, ...errorResponses },
      },
    },
    (req) => service.renewRecoveryCodes(app.db, box, actorOf(req), req.body, app.now()),
  );

  app.get(
    '/api/users/:id/two-step',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'A staff user’s two-step sign-in: on or off, and what happened to it',
        params: idParamsSchema,
        response: { 200: userTwoStepSchema, ...errorResponses },
      },
    },
    (req) => admin.userTwoStep(app.db, actorOf(req), req.params.id),
  );

  app.delete(
    '/api/users/:id/two-step',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Reset a user’s two-step (a lost phone): it goes off, their sessions end',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (req) => {
      await admin.resetUserTwoStep(app.db, actorOf(req), req.params.id, app.now());
      app.authCache.forgetUser(req.params.id);
      return { ok: true as const };
    },
  );
};
