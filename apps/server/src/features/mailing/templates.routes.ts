import {
  idParamsSchema,
  mailPreviewResultSchema,
  mailPreviewSchema,
  mailTemplateCreateSchema,
  mailTemplateSchema,
  mailTemplateUpdateSchema,
  okSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './templates.service.ts';

const tags = ['mailing'];
const BASE = '/api/mail-templates';
const config = { permission: 'mailing.manage' } as const;
/** Reading templates and the preview: everyone who writes to a person starts from them. */
const readConfig = { permission: 'mailing.send' } as const;

/** Mail templates (M-1): texts per language with placeholders, and a preview for a person. */
export const mailTemplatesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    BASE,
    {
      config: readConfig,
      schema: {
        tags,
        summary: 'The mail templates, by name',
        response: { 200: z.object({ items: z.array(mailTemplateSchema) }), ...errorResponses },
      },
    },
    (req) => service.listTemplates(app.db, actorOf(req)),
  );
  app.post(
    BASE,
    {
      config,
      schema: {
        tags,
        summary: 'Add a mail template',
        body: mailTemplateCreateSchema,
        response: { 201: mailTemplateSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createTemplate(app.db, actorOf(req), req.body)),
  );
  app.post(
    `${BASE}/preview`,
    {
      config: readConfig,
      schema: {
        tags,
        summary: "A text filled in with one person's data: subject, HTML and plain text",
        body: mailPreviewSchema,
        response: { 200: mailPreviewResultSchema, ...errorResponses },
      },
    },
    (req) => service.previewMail(app.db, actorOf(req), req.body),
  );
  app.get(
    `${BASE}/:id`,
    {
      config: readConfig,
      schema: {
        tags,
        summary: 'One mail template',
        params: idParamsSchema,
        response: { 200: mailTemplateSchema, ...errorResponses },
      },
    },
    (req) => service.getTemplate(app.db, actorOf(req), req.params.id),
  );
  app.patch(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Change a mail template (409 when someone saved it since)',
        params: idParamsSchema,
        body: mailTemplateUpdateSchema,
        response: { 200: mailTemplateSchema, ...errorResponses },
      },
    },
    (req) => service.updateTemplate(app.db, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    `${BASE}/:id`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete a mail template',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteTemplate(app.db, actorOf(req), req.params.id),
  );
};
