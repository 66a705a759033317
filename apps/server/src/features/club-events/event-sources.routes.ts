import {
  eventLogPageSchema,
  eventLogQuerySchema,
  eventSourceCreateSchema,
  eventSourceListSchema,
  eventSourceRotateSchema,
  eventSourceSchema,
  eventSourceSecretSchema,
  eventSourceUpdateSchema,
  clubEventSettingsSchema,
  clubRulesSchema,
  clubRulesUpdateSchema,
  clubEventSettingsUpdateSchema,
  idParamsSchema,
  memberRecordsSchema,
  okSchema,
} from '@spotter/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { listEventLog } from './event-log.service.ts';
import * as service from './event-sources.service.ts';
import * as members from './members.service.ts';
import { publicOrigin } from './public-origin.ts';
import * as rules from './rules.service.ts';

const tags = ['club-events'];
const originOf = publicOrigin;

export const eventSourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/event-sources',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'List connected club systems (never their secrets)',
        response: { 200: eventSourceListSchema, ...errorResponses },
      },
    },
    (req) => service.listSources(app.db, actorOf(req), originOf(req)),
  );

  app.post(
    '/api/event-sources',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'Connect a club system; its signing secret is in this answer only',
        body: eventSourceCreateSchema,
        response: { 201: eventSourceSecretSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await service.createSource(
            app.db,
            actorOf(req),
            app.config.sessionSecret,
            originOf(req),
            req.body,
          ),
        ),
  );

  app.get(
    '/api/event-sources/:id',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'One connected club system',
        params: idParamsSchema,
        response: { 200: eventSourceSchema, ...errorResponses },
      },
    },
    (req) => service.getSource(app.db, actorOf(req), req.params.id, originOf(req)),
  );

  app.patch(
    '/api/event-sources/:id',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary:
          'Rename a connected system, switch its deliveries off and on, or change its Twilio ' +
          'auth token and forwarding number',
        params: idParamsSchema,
        body: eventSourceUpdateSchema,
        response: { 200: eventSourceSchema, ...errorResponses },
      },
    },
    (req) =>
      service.updateSource(
        app.db,
        actorOf(req),
        app.config.sessionSecret,
        originOf(req),
        req.params.id,
        req.body,
      ),
  );

  app.post(
    '/api/event-sources/:id/rotate-secret',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'A new signing secret (shown once); the old one verifies during the overlap',
        params: idParamsSchema,
        body: eventSourceRotateSchema,
        response: { 200: eventSourceSecretSchema, ...errorResponses },
      },
    },
    (req) =>
      service.rotateSecret(
        app.db,
        actorOf(req),
        app.config.sessionSecret,
        originOf(req),
        req.params.id,
        req.body.overlapHours,
        app.now(),
      ),
  );

  app.delete(
    '/api/event-sources/:id',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'Disconnect a club system, with its event log',
        params: idParamsSchema,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    (req) => service.deleteSource(app.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/club-events',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'The event log: every delivery, newest first, accepted or refused',
        querystring: eventLogQuerySchema,
        response: { 200: eventLogPageSchema, ...errorResponses },
      },
    },
    (req) => listEventLog(app.db, actorOf(req), req.query),
  );

  app.get(
    '/api/club-event-settings',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'How connected systems link their customers',
        response: { 200: clubEventSettingsSchema, ...errorResponses },
      },
    },
    (req) => members.getClubEventSettings(app.db, actorOf(req)),
  );

  app.put(
    '/api/club-event-settings',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'Change how connected systems link their customers',
        body: clubEventSettingsUpdateSchema,
        response: { 200: clubEventSettingsSchema, ...errorResponses },
      },
    },
    (req) => members.saveClubEventSettings(app.db, actorOf(req), req.body),
  );

  app.get(
    '/api/persons/:id/club-records',
    {
      config: { permission: 'contacts.read' },
      schema: {
        tags,
        summary: "A person's contracts, bookings, visits and payments from the club's systems",
        params: idParamsSchema,
        response: { 200: memberRecordsSchema, ...errorResponses },
      },
    },
    (req) => members.memberRecordsOf(app.db, actorOf(req), req.params.id),
  );

  app.get(
    '/api/club-event-rules',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'What events turn into: each rule with its card, assignee, offset and time of day',
        response: { 200: clubRulesSchema, ...errorResponses },
      },
    },
    (req) => rules.getRules(app.db, actorOf(req)),
  );

  app.put(
    '/api/club-event-rules',
    {
      config: { permission: 'events.manage' },
      schema: {
        tags,
        summary: 'Change some rules (the others keep theirs)',
        body: clubRulesUpdateSchema,
        response: { 200: clubRulesSchema, ...errorResponses },
      },
    },
    (req) => rules.updateRules(app.db, actorOf(req), req.body),
  );
};
