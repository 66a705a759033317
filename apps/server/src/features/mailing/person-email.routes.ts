import { idParamsSchema, messageResultSchema, personEmailSchema } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { sendPersonEmail } from './person-email.service.ts';

/** One email to one person from their page or the expanded card (issue 16). */
export const personEmailRoutes: FastifyPluginAsyncZod = async (app) => {
  const allow = new AllowList(app.config.smtpAllowHosts ?? []);
  app.post(
    '/api/persons/:id/email',
    {
      config: { permission: 'mailing.send' },
      schema: {
        tags: ['mailing'],
        summary:
          "Send one email to a person (placeholders filled, the club's server, written to history)",
        params: idParamsSchema,
        body: personEmailSchema,
        response: { 200: messageResultSchema, ...errorResponses },
      },
    },
    (req) =>
      sendPersonEmail(
        {
          db: app.db,
          actor: actorOf(req),
          box: secretBoxFor(app.config.sessionSecret, 'mail settings'),
          transport: { allow },
        },
        req.params.id,
        req.body,
      ),
  );
};
