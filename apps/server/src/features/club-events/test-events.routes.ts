import {
  CLUB_EVENT_TYPES,
  EVENT_DATA_V1,
  eventReceiptSchema,
  idParamsSchema,
  type ClubEventType,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { assertKnownTypes } from './ingest.service.ts';
import { sendTestEvent, type TestEventInput } from './test-events.service.ts';

/**
 * A delivery's event without the sender's id (Spotter makes one) and with the time optional
 * (now): each type's `data` is checked by the same versioned schema a real delivery meets.
 */
const testEventSchema = z.discriminatedUnion(
  'type',
  CLUB_EVENT_TYPES.map((type) =>
    z.strictObject({
      type: z.literal(type),
      version: z.literal(1).default(1),
      occurredAt: z.iso.datetime({ offset: true }).optional(),
      data: EVENT_DATA_V1[type],
    }),
  ) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<ClubEventType> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<ClubEventType> }>[],
  ],
);

/** `POST /api/event-sources/:id/test-event`: an admin's hand-written event, processed for real. */
export const testEventsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/event-sources/:id/test-event',
    {
      config: { permission: 'events.manage' },
      // An unknown type is told as such, not as every field being wrong.
      preValidation: async (req) => assertKnownTypes(req.body),
      schema: {
        tags: ['club-events'],
        summary: 'Send a test event as this connected system; it is processed like a delivery',
        params: idParamsSchema,
        body: testEventSchema,
        response: { 200: eventReceiptSchema, ...errorResponses },
      },
    },
    (req) =>
      sendTestEvent(app.db, actorOf(req), req.params.id, req.body as TestEventInput, app.now()),
  );
};
