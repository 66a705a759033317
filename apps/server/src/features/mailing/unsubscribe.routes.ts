import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../plugins/openapi.ts';
import { asLocale, renderAskPage, renderDonePage, renderInvalidPage } from './unsubscribe-page.ts';
import { applyUnsubscribe, openUnsubscribe } from './unsubscribe.service.ts';

const params = z.object({ token: z.string().max(200) });
/** What RFC 8058 mail apps send; anything else (or nothing) is taken as the same click. */
const oneClickBody = z
  .looseObject({ 'List-Unsubscribe': z.string().max(100).optional() })
  .nullish();

/** The first of the browser's languages we have, for a page whose link tells us nothing. */
function browserLocale(header: string | undefined) {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    const locale = asLocale(tag);
    if (locale === tag) return locale;
  }
  return 'en' as const;
}

const sendPage = (reply: FastifyReply, status: number, html: string) =>
  reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);

/**
 * Unsubscribe links (issue 16), public: the token in the address names the person, campaign and
 * channel, so no session is needed or used.
 * - POST /api/unsubscribe/:token: RFC 8058 one-click. Mail apps post
 *   `List-Unsubscribe=One-Click` as a form; any body (or none) of any type is taken and ignored.
 * - GET /unsubscribe/:token: a page in the recipient's language with a button; a GET never
 *   unsubscribes (mail scanners open links). POST /unsubscribe/:token is that button.
 * Both answer the same for a first click, a repeat, and a person no longer there.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this scope's parsers: a one-click body is a form, but nothing sent may fail the request.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4096 }, (_req, _body, done) =>
    done(null, undefined),
  );
  // Personal pages: never kept by a cache, the token never leaks to another site as a referrer.
  // After the app-wide headers, so these replace theirs.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-robots-tag', 'noindex');
  });

  const open = (token: string) => openUnsubscribe(app.db, app.config.sessionSecret, token);

  app.post(
    '/api/unsubscribe/:token',
    {
      config: { public: true, anySite: true },
      schema: {
        tags: ['mailing'],
        summary: 'One-click unsubscribe (RFC 8058): withdraws the consent the link names',
        params,
        consumes: ['application/x-www-form-urlencoded'],
        body: oneClickBody,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const target = await open(req.params.token);
      if (!target) {
        return reply.code(404).send({ code: 'not_found', message: 'Unknown unsubscribe link' });
      }
      await applyUnsubscribe(app.db, target, app.now());
      return { ok: true as const };
    },
  );

  const pageSchema = { hide: true, params };
  app.get(
    '/unsubscribe/:token',
    { config: { public: true }, schema: pageSchema },
    async (req, reply) => {
      const target = await open(req.params.token);
      if (!target) {
        return sendPage(
          reply,
          404,
          renderInvalidPage(browserLocale(req.headers['accept-language'])),
        );
      }
      return sendPage(
        reply,
        200,
        renderAskPage(
          target.locale,
          target.club,
          `/unsubscribe/${req.params.token}`,
          target.subject.channel,
          target.test,
        ),
      );
    },
  );
  app.post(
    '/unsubscribe/:token',
    { config: { public: true }, schema: pageSchema },
    async (req, reply) => {
      const target = await open(req.params.token);
      if (!target) {
        return sendPage(
          reply,
          404,
          renderInvalidPage(browserLocale(req.headers['accept-language'])),
        );
      }
      await applyUnsubscribe(app.db, target, app.now());
      return sendPage(
        reply,
        200,
        renderDonePage(target.locale, target.club, target.subject.channel, target.test),
      );
    },
  );
};
