import {
  idParamsSchema,
  messageResultSchema,
  personSmsSchema,
  smsSettingsSchema,
  smsSettingsUpdateSchema,
  smsTestResultSchema,
  smsTestSchema,
} from '@spotter/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import type { GatewayOptions } from './sms-send.ts';
import { sendPersonSms } from './sms-person.service.ts';
import * as service from './sms-settings.service.ts';

const tags = ['mailing'];
const BASE = '/api/sms-settings';
const config = { permission: 'settings.manage' } as const;

/** The box header values are sealed in: one key for every organization's SMS settings. */
export const smsBox = (sessionSecret: string) => secretBoxFor(sessionSecret, 'sms settings');

/** Settings → SMS (issue 16, M-2): the HTTP gateway, a test SMS, and one SMS to a person. */
export const smsRoutes: FastifyPluginAsyncZod = async (app) => {
  const gateway: GatewayOptions = {
    box: smsBox(app.config.sessionSecret),
    allow: new AllowList(app.config.smsAllowHosts ?? []),
  };
  const ctx = (req: FastifyRequest): service.SmsContext => ({
    db: app.db,
    actor: actorOf(req),
    gateway,
  });

  app.get(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'The SMS gateway settings (header names only, never their values)',
        response: { 200: smsSettingsSchema, ...errorResponses },
      },
    },
    (req) => service.getSmsSettings(ctx(req)),
  );
  app.put(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'Save the SMS gateway settings',
        body: smsSettingsUpdateSchema,
        response: { 200: smsSettingsSchema, ...errorResponses },
      },
    },
    (req) => service.saveSmsSettings(ctx(req), req.body),
  );
  app.post(
    `${BASE}/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a test SMS and answer what the gateway said',
        body: smsTestSchema,
        response: { 200: smsTestResultSchema, ...errorResponses },
      },
    },
    (req) => service.sendTestSms(ctx(req), req.body.to),
  );
  app.post(
    '/api/persons/:id/sms',
    {
      config: { permission: 'mailing.send' },
      schema: {
        tags,
        summary: "Send one SMS to a person's mobile number (written to their history)",
        params: idParamsSchema,
        body: personSmsSchema,
        response: { 200: messageResultSchema, ...errorResponses },
      },
    },
    (req) => sendPersonSms(ctx(req), req.params.id, req.body),
  );
};
