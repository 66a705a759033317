import {
  IMPORT_MAX_BYTES,
  idParamsSchema,
  importListSchema,
  importProblemPageSchema,
  importProblemsQuerySchema,
  importRunSchema,
  importUnknownValuesRequestSchema,
  importUnknownValuesSchema,
  importSchema,
  importTargetsQuerySchema,
  importTargetsSchema,
  importUploadQuerySchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './imports.service.ts';

const tags = ['imports'];

/** What browsers and scripts send a .csv file as; the body arrives as raw bytes. */
const CSV_TYPES = ['text/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Registered inside this plugin only: no other route accepts a raw file.
  app.addContentTypeParser(
    CSV_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/imports',
    {
      config: { permission: 'contacts.write' },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Upload a CSV file (raw body, text/csv) for import',
        description:
          'Send the file itself as the body. Answers with the header, the first rows and a ' +
          'suggested mapping; nothing is imported until POST /api/imports/:id/run.',
        consumes: CSV_TYPES,
        querystring: importUploadQuerySchema,
        response: { 201: importSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.uploadImport(app.db, actorOf(req), req.query, req.body)),
  );

  app.get(
    '/api/imports/targets',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Fields a CSV column can be imported into',
        querystring: importTargetsQuerySchema,
        response: { 200: importTargetsSchema, ...errorResponses },
      },
    },
    (req) => service.getTargets(app.db, actorOf(req), req.query.kind),
  );

  app.get(
    '/api/imports',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Recent imports',
        response: { 200: importListSchema, ...errorResponses },
      },
    },
    (req) => service.listImports(app.db, actorOf(req)),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'An import with its progress and problems',
        params: idParamsSchema,
        response: { 200: importSchema, ...errorResponses },
      },
    },
    (req) => service.getImport(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Check (dryRun) or import the file in the background',
        params: idParamsSchema,
        body: importRunSchema,
        response: { 202: importSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(202).send(
        await service.runImport(app.db, actorOf(req), req.params.id, req.body, {
          now: app.now(),
          perOrganization: app.config.importsPerOrganization,
        }),
      ),
  );

  app.post(
    '/api/imports/:id/unknown-values',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary:
          'Values of the mapped status, branch, staff, list and dropdown columns that the CRM does not know',
        description:
          'Read from the stored file with the given mapping: each column’s distinct unknown ' +
          'values with their row counts, and the entries they can be mapped to. Answer them ' +
          'in the run’s `valueMap`.',
        params: idParamsSchema,
        body: importUnknownValuesRequestSchema,
        response: { 200: importUnknownValuesSchema, ...errorResponses },
      },
    },
    (req) => service.unknownValues(app.db, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/imports/:id/problems',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags,
        summary: 'Every problem of the latest (dry) run, a page at a time',
        description:
          'Errors (row left out), warnings (row imported without the value) and duplicates ' +
          '(with the contact they matched), in file order. Pass `next` as `after` for the next page.',
        params: idParamsSchema,
        querystring: importProblemsQuerySchema,
        response: { 200: importProblemPageSchema, ...errorResponses },
      },
    },
    (req) => service.listProblems(app.db, actorOf(req), req.params.id, req.query),
  );
};
