import { idParamsSchema, twilioCallSchema, type TwilioCall } from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.ts';
import { storeEvents } from './ingest.service.ts';
import { publicOrigin } from './public-origin.ts';
import { callEventOf, twimlAnswer, verifyTwilio, type FormParams } from './twilio.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    twilioSource?: Awaited<ReturnType<typeof verifyTwilio>>;
  }
}

/** Twilio's call webhooks are a few hundred bytes. */
const BODY_LIMIT = 64 * 1024;

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function formParams(body: string): FormParams {
  const params: FormParams = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return params;
}

/**
 * A-6, telephony as it is: `POST /api/event-sources/:id/twilio`, the voice webhook (and status
 * callback) of a club's Twilio number, as Twilio sends it: form-encoded, signed with the
 * account's auth token in `X-Twilio-Signature`. Answered with TwiML.
 */
export const twilioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.decorateRequest('twilioSource', undefined);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: BODY_LIMIT },
    (_req, body, done) => done(null, formParams(body as string)),
  );

  app.post(
    '/api/event-sources/:id/twilio',
    {
      config: { public: true },
      // The signature first: an unsigned request learns nothing, not even which fields are wrong.
      preValidation: async (req) => {
        const params = (req.body ?? {}) as FormParams;
        req.twilioSource = await verifyTwilio(
          app.db,
          {
            sourceId: (req.params as { id: string }).id,
            url: `${publicOrigin(req)}${req.url}`,
            params: typeof params === 'object' ? params : {},
            signature: header(req.headers['x-twilio-signature']),
            signatureSettings: header(req.headers['x-twilio-webhooks-signature-settings']),
          },
          { sessionSecret: app.config.sessionSecret, now: app.now() },
        );
      },
      schema: {
        tags: ['club-events'],
        summary:
          "A Twilio number's voice webhook or status callback, as Twilio sends it " +
          '(form-encoded, X-Twilio-Signature); a known caller pops up, an unknown one becomes a lead',
        consumes: ['application/x-www-form-urlencoded'],
        params: idParamsSchema,
        body: twilioCallSchema,
        response: {
          200: {
            description: 'TwiML: an empty <Response/>, or <Dial> to the forwarding number',
            content: { 'text/xml': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const source = req.twilioSource!;
      const call = req.body as TwilioCall;
      const now = app.now();
      const event = callEventOf(call, now);
      if (event) await storeEvents(app.db, { source }, [event], now);
      return reply
        .header('content-type', 'text/xml; charset=utf-8')
        .send(twimlAnswer(call, source.forwardTo));
    },
  );
};
