import {
  bulkBodySchema,
  bulkResultSchema,
  companyListQuerySchema,
  companyListSchema,
  companySchema,
  exportQuerySchema,
  idParamsSchema,
  personListQuerySchema,
  personListSchema,
  personSchema,
  searchQuerySchema,
  searchResultSchema,
  trashListSchema,
  trashQuerySchema,
  type ContactKind,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { fastOkSerializer } from '../../plugins/fast-serializer.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { bulkChange } from './bulk.service.ts';
import { listCompanies, listPersons } from './contacts-list.service.ts';
import { exportContacts } from './export.service.ts';
import { search } from './search.service.ts';
import * as trash from './trash.service.ts';

/** Restore takes no fields; the empty object keeps POST's body documented. */
const noBody = z.strictObject({}).nullish();

const RESOURCES: Array<{ kind: ContactKind; path: string; tag: string }> = [
  { kind: 'person', path: '/api/persons', tag: 'persons' },
  { kind: 'company', path: '/api/companies', tag: 'companies' },
];

/**
 * A page of 50 persons is ~60 kB of JSON and the hottest answer after the session's: written by
 * serializers compiled from their schemas (decision 0030), as are search hits.
 */
const personListSerializer = fastOkSerializer(personListSchema);
const companyListSerializer = fastOkSerializer(companyListSchema);
const searchSerializer = fastOkSerializer(searchResultSchema);

/** C-10, C-11, C-12, C-14: lists, bulk actions, export, search and the trash. */
export const contactListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/persons',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags: ['persons'],
        summary: 'List persons: filters, sort (`-` for descending, `cf:<fieldId>`), paging',
        querystring: personListQuerySchema,
        response: { 200: personListSchema, ...errorResponses },
      },
      serializerCompiler: personListSerializer,
    },
    (req) => listPersons(app.db, actorOf(req), req.query, app.now()),
  );

  app.get(
    '/api/companies',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags: ['companies'],
        summary: 'List companies: filters, sort (`-` for descending, `cf:<fieldId>`), paging',
        querystring: companyListQuerySchema,
        response: { 200: companyListSchema, ...errorResponses },
      },
      serializerCompiler: companyListSerializer,
    },
    (req) => listCompanies(app.db, actorOf(req), req.query),
  );

  for (const { kind, path, tag } of RESOURCES) {
    app.post(
      `${path}/bulk`,
      {
        config: { permission: 'contacts.write' },
        schema: {
          tags: [tag],
          summary: `Change the selected ${tag}, or every one the filter matches (delete needs contacts.admin)`,
          body: bulkBodySchema,
          response: { 200: bulkResultSchema, ...errorResponses },
        },
      },
      (req) => bulkChange(app.db, actorOf(req), kind, req.body),
    );

    app.get(
      `${path}/export`,
      {
        config: { permission: 'contacts.read' },
        schema: {
          tags: [tag],
          summary: `Download the filtered, sorted list of ${tag} as CSV or XLSX`,
          querystring: exportQuerySchema,
          response: { 200: z.string().describe('The file'), ...errorResponses },
        },
      },
      async (req, reply) => {
        const file = await exportContacts(app.db, actorOf(req), kind, req.query);
        return (
          reply
            .type(file.contentType)
            .header('content-disposition', `attachment; filename="${file.fileName}"`)
            .header('cache-control', 'no-store')
            // A stream or buffer goes out as is; the string schema only documents the file.
            .send(file.body as unknown as string)
        );
      },
    );
  }

  app.post(
    '/api/persons/:id/restore',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags: ['trash'],
        summary: 'Restore a person from the trash, with links and history',
        params: idParamsSchema,
        body: noBody,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    (req) => trash.restorePerson(app.db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/companies/:id/restore',
    {
      config: { permission: 'contacts.write' },
      schema: {
        tags: ['trash'],
        summary: 'Restore a company from the trash, with links and history',
        params: idParamsSchema,
        body: noBody,
        response: { 200: companySchema, ...errorResponses },
      },
    },
    (req) => trash.restoreCompany(app.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/search',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags: ['search'],
        summary: 'Find persons and companies by name, phone (any format), email or org number',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...errorResponses },
      },
      serializerCompiler: searchSerializer,
    },
    (req) => search(app.db, actorOf(req), req.query),
  );

  app.get(
    '/api/trash',
    {
      config: { permission: 'contacts.admin' },
      schema: {
        tags: ['trash'],
        summary: 'Deleted persons and companies, newest first, with who deleted them and when',
        querystring: trashQuerySchema,
        response: { 200: trashListSchema, ...errorResponses },
      },
    },
    (req) => trash.listTrash(app.db, actorOf(req), req.query),
  );

  app.delete(
    '/api/trash/:id',
    {
      config: { permission: 'contacts.admin' },
      schema: {
        tags: ['trash'],
        summary: 'Purge a record from the trash for good',
        params: idParamsSchema,
        response: { 204: z.null().describe('Purged'), ...errorResponses },
      },
    },
    async (req, reply) => {
      await trash.purge(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
