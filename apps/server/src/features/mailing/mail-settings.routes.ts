import {
  mailSettingsSchema,
  mailSettingsUpdateSchema,
  mailTestResultSchema,
  mailTestSchema,
} from '@spotter/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './mail-settings.service.ts';

const tags = ['mailing'];
const BASE = '/api/mail-settings';
const config = { permission: 'settings.manage' } as const;

/** Settings → Sending (issue 16): the SMTP server, the sender and a test mail. */
export const mailSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const allow = new AllowList(app.config.smtpAllowHosts ?? []);
  const ctx = (req: FastifyRequest): service.MailContext => ({
    db: app.db,
    actor: actorOf(req),
    box: secretBoxFor(app.config.sessionSecret, 'mail settings'),
    transport: { allow },
  });

  app.get(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'The sending settings (never the password or the DKIM key)',
        response: { 200: mailSettingsSchema, ...errorResponses },
      },
    },
    (req) => service.getMailSettings(ctx(req)),
  );
  app.put(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'Save the sending settings',
        body: mailSettingsUpdateSchema,
        response: { 200: mailSettingsSchema, ...errorResponses },
      },
    },
    (req) => service.saveMailSettings(ctx(req), req.body),
  );
  app.post(
    `${BASE}/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a test mail and answer what the SMTP server said',
        body: mailTestSchema,
        response: { 200: mailTestResultSchema, ...errorResponses },
      },
    },
    (req) => service.sendTestMail(ctx(req), req.body.to),
  );
};
