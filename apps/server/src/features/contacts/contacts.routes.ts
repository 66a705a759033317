import {
  companyCreateSchema,
  companyCreatedSchema,
  companySchema,
  companyUpdateSchema,
  duplicateCheckSchema,
  duplicateListSchema,
  historyEntrySchema,
  historyPageSchema,
  historyQuerySchema,
  idParamsSchema,
  mergeBodySchema,
  noteCreateSchema,
  personCreateSchema,
  personCreatedSchema,
  personEraseSchema,
  personExportSchema,
  personSchema,
  personUpdateSchema,
  type ContactKind,
} from '@spotter/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './contacts.service.ts';
import { checkDuplicates } from './duplicates.ts';
import * as history from './history.service.ts';
import { mergeContacts } from './merge.service.ts';
import { erasePerson, exportPerson } from './privacy.service.ts';

const noContent = { 204: z.null().describe('Done') };

/** GET/POST of a timeline and the merge: the same for persons and companies. */
const sharedRoutes =
  (kind: ContactKind, base: string, one: z.ZodType): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = [base.slice('/api/'.length)];
    app.get(
      `${base}/:id/history`,
      {
        config: { permission: 'contacts.read' },
        schema: {
          tags,
          summary: `History of one ${kind}, newest first`,
          params: idParamsSchema,
          querystring: historyQuerySchema,
          response: { 200: historyPageSchema, ...errorResponses },
        },
      },
      (req) => history.listContactHistory(app.db, actorOf(req), kind, req.params.id, req.query),
    );
    app.post(
      `${base}/:id/history`,
      {
        config: { permission: 'contacts.write' },
        schema: {
          tags,
          summary: `Add a note to a ${kind}'s history`,
          params: idParamsSchema,
          body: noteCreateSchema,
          response: { 201: historyEntrySchema, ...errorResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await history.addNote(app.db, actorOf(req), kind, req.params.id, req.body)),
    );
    app.post(
      `${base}/merge`,
      {
        config: { permission: 'contacts.admin' },
        schema: {
          tags,
          summary: `Merge one ${kind} into another (admins)`,
          description: 'Keeps phones, emails, tags, links and both histories; the source goes.',
          body: mergeBodySchema,
          response: { 200: one, ...errorResponses },
        },
      },
      (req) => mergeContacts(app.db, actorOf(req), kind, req.body),
    );
    app.delete(
      `${base}/:id`,
      {
        config: { permission: 'contacts.write' },
        schema: {
          tags,
          summary: `Move a ${kind} to the trash`,
          params: idParamsSchema,
          response: { ...noContent, ...errorResponses },
        },
      },
      async (req, reply) => {
        await service.deleteContact(app.db, actorOf(req), kind, req.params.id);
        return reply.code(204).send(null);
      },
    );
  };

const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['persons'];
  app.post(
    '/api/persons',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Create a person',
        description: 'Answers with the person and any contact sharing a phone or email.',
        body: personCreateSchema,
        response: { 201: personCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createPerson(app.db, actorOf(req), req.body)),
  );
  app.get(
    '/api/persons/:id',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'Read one person',
        params: idParamsSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    (req) => service.getPerson(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/persons/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Edit a person',
        description: 'A stale `version` gets 409 `version_conflict` unless `force` is true.',
        params: idParamsSchema,
        body: personUpdateSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    (req) => service.updatePerson(app.db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/persons/:id/export',
    {
      config: { permission: 'contacts.admin' },
      schema: {
        tags,
        summary: 'Everything stored about one person (admins; logged)',
        params: idParamsSchema,
        response: { 200: personExportSchema, ...errorResponses },
      },
    },
    (req) => exportPerson(app.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/persons/:id/erase',
    {
      config: { permission: 'contacts.admin' },
      schema: {
        tags,
        summary: 'Anonymize a person on request (admins; logged)',
        params: idParamsSchema,
        body: personEraseSchema,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    (req) => erasePerson(app.db, actorOf(req), req.params.id, req.body?.reason),
  );
};

const companyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['companies'];
  app.post(
    '/api/companies',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Create a company, optionally with its contact person',
        body: companyCreateSchema,
        response: { 201: companyCreatedSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createCompany(app.db, actorOf(req), req.body)),
  );
  app.get(
    '/api/companies/:id',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'Read one company with its contact persons',
        params: idParamsSchema,
        response: { 200: companySchema, ...errorResponses },
      },
    },
    (req) => service.getCompany(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    '/api/companies/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Edit a company',
        description: 'A stale `version` gets 409 `version_conflict` unless `force` is true.',
        params: idParamsSchema,
        body: companyUpdateSchema,
        response: { 200: companySchema, ...errorResponses },
      },
    },
    (req) => service.updateCompany(app.db, actorOf(req), req.params.id, req.body),
  );
};

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(personRoutes);
  await app.register(companyRoutes);
  await app.register(sharedRoutes('person', '/api/persons', personSchema));
  await app.register(sharedRoutes('company', '/api/companies', companySchema));
  app.post(
    '/api/contacts/duplicates',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags: ['persons', 'companies'],
        summary: 'Contacts already using these phones or emails (as-you-type warning)',
        body: duplicateCheckSchema,
        response: { 200: duplicateListSchema, ...errorResponses },
      },
    },
    (req) => checkDuplicates(app.db, actorOf(req), req.body),
  );
};
