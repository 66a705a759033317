import {
  clubEventBatchSchema,
  clubEventSchema,
  eventReceiptsSchema,
  idParamsSchema,
  type ClubEventIn,
} from '@spotter/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors.ts';
import { bearerOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { resolveApiToken } from '../api-tokens/index.ts';
import {
  assertKnownTypes,
  storeEvents,
  verifyDelivery,
  type VerifiedDelivery,
} from './ingest.service.ts';
import { SOURCES_CHANNEL, sourceCacheOf } from './source-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as sent: the signature is over these bytes. */
    rawBody?: string;
    verifiedDelivery?: VerifiedDelivery;
  }
}

const tags = ['club-events'];

/** An integration's token, read afresh (a delivery is no hot read path; signing is the usual way). */
async function apiTokenActor(db: Db, secret: string, now: Date): Promise<Actor | undefined> {
  const token = await resolveApiToken(db, secret, undefined, now);
  return (
    token && {
      orgId: token.orgId,
      userId: null,
      role: null,
      via: 'token',
      permissions: token.permissions,
    }
  );
}
/** A batch of 100 events of the largest type stays far below this. */
const BODY_LIMIT = 1024 * 1024;
const NOT_JSON = Symbol('not json');

/**
 * `POST /api/event-sources/:id/events` (one event) and `…/events/batch` (up to 100): public
 * routes that authenticate the sender themselves, before anything in the body is looked at.
 */
export const ingestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.decorateRequest('rawBody', undefined);
  app.decorateRequest('verifiedDelivery', undefined);
  // A source changed on any instance (its trigger notifies): this one forgets it too.
  let unlisten: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    const cache = sourceCacheOf(app.db);
    unlisten = await app.pgListen(SOURCES_CHANNEL, (id) => cache.forget(id));
  });
  app.addHook('preClose', async () => {
    const stop = unlisten;
    unlisten = undefined;
    await stop?.().catch((err: unknown) => app.log.warn({ err }, 'unlisten event sources'));
  });
  // Only this plugin's routes keep the raw text: JSON is parsed here, after the bytes are kept,
  // and a body that is not JSON is refused only once the sender is known.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT },
    (req, body, done) => {
      req.rawBody = body as string;
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(null, NOT_JSON);
      }
    },
  );

  const verify = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    req.verifiedDelivery = await verifyDelivery(
      app.db,
      {
        sourceId: req.params.id,
        rawBody: req.rawBody ?? '',
        headers: req.headers,
        bearer: bearerOf(req),
      },
      {
        sessionSecret: app.config.sessionSecret,
        now: app.now(),
        apiToken: (db, token) => apiTokenActor(db, token, app.now()),
      },
    );
    if (req.body === NOT_JSON || req.body === undefined) {
      throw new AppError(400, 'bad_request', 'The body must be a JSON object');
    }
    assertKnownTypes(req.body);
  };

  app.post(
    '/api/event-sources/:id/events',
    {
      // Public: the sender signs, or shows a token with this permission (checked in verify).
      config: { public: true, permission: 'events.write' },
      preValidation: verify,
      schema: {
        tags,
        summary: 'Deliver one event from a club system (Standard Webhooks signature or API token)',
        params: idParamsSchema,
        body: clubEventSchema,
        response: { 200: eventReceiptsSchema, ...errorResponses },
      },
    },
    (req) => storeEvents(app.db, req.verifiedDelivery!, [req.body as ClubEventIn], app.now()),
  );

  app.post(
    '/api/event-sources/:id/events/batch',
    {
      // Public: the sender signs, or shows a token with this permission (checked in verify).
      config: { public: true, permission: 'events.write' },
      preValidation: verify,
      schema: {
        tags,
        summary: 'Deliver up to 100 events, each with its own id, answered in the order sent',
        params: idParamsSchema,
        body: clubEventBatchSchema,
        response: { 200: eventReceiptsSchema, ...errorResponses },
      },
    },
    (req) =>
      storeEvents(app.db, req.verifiedDelivery!, req.body.events as ClubEventIn[], app.now()),
  );
};
