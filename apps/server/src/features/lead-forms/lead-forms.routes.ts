import {
  idParamsSchema,
  leadFormBodySchema,
  leadFormListQuerySchema,
  leadFormPageSchema,
  leadFormSchema,
  leadFormUpdateSchema,
  leadWaitSchema,
  okSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import * as service from './lead-forms.service.ts';
import { leadWait } from './speed-to-lead.ts';

const tags = ['lead-forms'];

/** Settings → Lead forms (owners and admins), and a person's speed to lead. */
export const leadFormsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/lead-forms',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'List the lead forms, newest first',
        querystring: leadFormListQuerySchema,
        response: { 200: leadFormPageSchema, ...errorResponses },
      },
    },
    (req) => service.listForms(app.db, actorOf(req), req.query),
  );

  app.post(
    '/api/lead-forms',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Create a lead form; it is served at /f/<publicId>',
        body: leadFormBodySchema,
        response: { 201: leadFormSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createForm(app.db, actorOf(req), req.body, app.now())),
  );

  app.get(
    '/api/lead-forms/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'One lead form',
        params: idParamsSchema,
        response: { 200: leadFormSchema, ...errorResponses },
      },
    },
    (req) => service.getForm(app.db, actorOf(req), req.params.id),
  );

  app.put(
    '/api/lead-forms/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Save a lead form (409 when someone saved it since `version`)',
        params: idParamsSchema,
        body: leadFormUpdateSchema,
        response: { 200: leadFormSchema, ...errorResponses },
      },
    },
    (req) => service.updateForm(app.db, actorOf(req), req.params.id, req.body, app.now()),
  );

  app.delete(
    '/api/lead-forms/:id',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Delete a lead form (its page goes; its submissions stay for reports)',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteForm(app.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/persons/:id/lead-wait',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: 'Speed to lead: since when the person has waited for a first contact',
        params: idParamsSchema,
        response: { 200: leadWaitSchema, ...errorResponses },
      },
    },
    (req) => leadWait(app.db, actorOf(req), req.params.id),
  );
};
