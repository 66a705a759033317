import {
  personBatchBody,
  personBatchResultSchema,
  personCreateSchema,
  PERSON_BATCH_MAX,
} from '@spotter/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { batchPersons } from './batch.service.ts';

/**
 * Items are taken as they come and checked one by one (one bad item must not refuse the
 * rest), yet the documentation shows each item's shape: the body of POST /api/persons.
 */
function documentedItem() {
  const { $schema: _schema, ...shape } = z.toJSONSchema(personCreateSchema, { io: 'input' });
  return z.unknown().meta(shape);
}

export const personBatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/persons/batch',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags: ['persons'],
        summary: `Create or upsert up to ${PERSON_BATCH_MAX} persons (integrations)`,
        description:
          'Each item is checked like the body of POST /api/persons and answered on its own, in ' +
          'the request order. Items are matched to live persons and to earlier items by phone ' +
          'and email (the oldest person with a phone or email wins). `create`: a match is left ' +
          'as it is (`unchanged`, with its id), so repeating a request creates no one twice; ' +
          '`upsert`: the given fields are written over the match, and phones, emails, tags, ' +
          'categories and products are added. Everything is written in one transaction.',
        body: personBatchBody(documentedItem()),
        response: { 200: personBatchResultSchema, ...errorResponses },
      },
    },
    (req) => batchPersons(app.db, actorOf(req), req.body),
  );
};
