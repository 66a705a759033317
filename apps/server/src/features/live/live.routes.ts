import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../lib/actor.ts';
import { actorOf } from '../../plugins/auth.ts';
import { errorResponses } from '../../plugins/openapi.ts';
import { EventHub, type HubOptions, type LiveConnection } from './event-hub.ts';
import { EVENTS_CHANNEL } from './publish.ts';
import { viewerBranches } from './viewer.ts';

/**
 * T-12: GET /api/events, a Server-Sent Events stream of the changes to the tasks the user may
 * see and the user's own notifications. The app LISTENs once and fans out to the open streams.
 */
export const liveRoutes: FastifyPluginAsyncZod<HubOptions> = async (app, opts) => {
  const hub = new EventHub(opts);
  let unlisten: (() => Promise<void>) | undefined;

  app.addHook('onReady', async () => {
    unlisten = await app.pgListen(EVENTS_CHANNEL, (payload) => hub.dispatch(payload));
    hub.start();
  });
  // Before the server stops accepting: open streams would otherwise keep close() waiting.
  app.addHook('preClose', async () => {
    hub.close();
    const stop = unlisten;
    unlisten = undefined;
    await stop?.().catch((err: unknown) => app.log.warn({ err }, 'unlisten events'));
  });

  app.get(
    '/api/events',
    {
      config: { permission: 'tasks.read' },
      schema: {
        tags: ['live events'],
        summary:
          'Live events (Server-Sent Events): task.created/updated/deleted of the tasks I may ' +
          'see, notification.created for me, call.incoming when a known person calls my ' +
          'branch; data is {type, taskId?, userId?, contactId?, callId?}; a comment every 25 s',
        response: {
          200: {
            description: 'A text/event-stream that stays open',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      assertCan(actor, 'tasks.read');
      const stream = new PassThrough();
      // A reconnecting browser waits 3 s; the first bytes also send the headers at once.
      stream.write('retry: 3000\n\n');
      const conn: LiveConnection = {
        orgId: actor.orgId,
        userId: actor.userId,
        role: actor.role,
        stream,
        openedAt: Date.now(),
      };
      // Registered before the branches are read, so a change committed meanwhile ends it.
      hub.add(conn);
      try {
        const branchIds = actor.userId
          ? await viewerBranches.get()(app.db, actor.orgId, actor.userId)
          : [];
        hub.admit(conn, branchIds);
      } catch (err) {
        stream.destroy();
        throw err;
      }
      // A browser that hangs up leaves at once: an ended stream nobody reads never closes,
      // and its request would keep a closing server waiting.
      req.raw.once('close', () => stream.destroy());
      reply.raw.once('close', () => stream.destroy());
      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('cache-control', 'no-cache, no-transform')
          .header('x-accel-buffering', 'no')
          // The socket goes with the stream: once a closing server ends the stream, nothing
          // keeps the connection (and so the shutdown) waiting.
          .header('connection', 'close')
          // The type provider types serialized bodies; a stream is sent as it is.
          .send(stream as unknown as string)
      );
    },
  );
};
