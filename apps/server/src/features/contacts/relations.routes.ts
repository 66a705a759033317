import {
  familyRelationSchema,
  familySchema,
  idParamsSchema,
  relationCreateSchema,
  relationCreatedSchema,
  relationUpdateSchema,
} from '@spotter/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './relations.service.ts';

/** Families (issue 17, C-17): a person's guardians, children and siblings, and their links. */
export const relationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['persons'];
  app.get(
    '/api/persons/:id/family',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: "A person's guardians, children and siblings",
        description:
          'Guardians primary first, children oldest first, siblings (other children of any ' +
          'guardian) once each. Ages and "minor" are counted on the club\'s clock.',
        params: idParamsSchema,
        response: { 200: familySchema, ...errorResponses },
      },
    },
    (req) => service.getFamily(app.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/relations',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Link a guardian or a child to a person',
        description:
          'Links an existing person (`personId`) or creates one (`person`). `as` is what the ' +
          "other person is to this one. A child's first guardian becomes the primary one. " +
          'Companies, persons in the trash, the person themself and the reverse of an existing ' +
          'link get 422 `relation_not_allowed`; a pair linked already gets 409 `relation_exists`.',
        params: idParamsSchema,
        body: relationCreateSchema,
        response: { 201: relationCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await service.addRelation(app.db, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/relations/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: "Change a relation's role, or make its guardian the child's primary one",
        description: 'Answers with the relation as the child sees it (the guardian as `person`).',
        params: idParamsSchema,
        body: relationUpdateSchema,
        response: { 200: familyRelationSchema, ...errorResponses },
      },
    },
    (req) => service.updateRelation(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/relations/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Remove a relation',
        description:
          "Removing the primary guardian makes the child's oldest remaining link primary.",
        params: idParamsSchema,
        response: { 204: z.null().describe('Done'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await service.removeRelation(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
