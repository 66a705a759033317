import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PAGE_CSS_HASH,
  renderFormPage,
  renderThanksPage,
  renderUnavailablePage,
  type PageState,
} from './hosted-page.ts';
import { pageContext, publicForm } from './hosted.service.ts';
import { pageWords } from './page-texts.ts';
import { SubmissionLimiter, type LeadFormLimits } from './spam.ts';
import {
  checkedConsents,
  submitLeadForm,
  visitorValues,
  type PostedForm,
} from './submit.service.ts';

/**
 * The hosted page's own browser policy: no script at all, only its one inline style (by
 * hash), posts only to us — and to the form's redirect address, since browsers apply
 * form-action to the redirect after a post too — and any site may frame it (the embed snippet).
 */
function pagePolicy(redirectUrl: string | null) {
  const redirect = redirectUrl ? ` ${new URL(redirectUrl).origin}` : '';
  return [
    "default-src 'none'",
    `style-src ${PAGE_CSS_HASH}`,
    "img-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${redirect}`,
    'frame-ancestors *',
  ].join('; ');
}

/** Sends a page; runs after the app's own security headers, so these replace theirs. */
function sendPage(reply: FastifyReply, status: number, html: string, redirectUrl: string | null) {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .header('x-lead-form-csp', pagePolicy(redirectUrl))
    .send(html);
}

const paramsSchema = z.object({ publicId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });
const querySchema = z.object({ lang: z.string().max(10).optional() });

/** A url-encoded body: a name sent several times (the consent boxes) gives a list. */
function parseUrlEncoded(text: string): PostedForm {
  const out: PostedForm = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = out[key];
    if (seen === undefined) out[key] = value;
    else out[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

const empty = (): PageState => ({ values: {}, consents: new Set(), errors: {} });

/**
 * `/f/:publicId`: the lead form as a page that works without JavaScript (GET shows it, POST
 * sends it and answers with the thank-you page's address or the form again with its errors).
 * Public routes, outside /api and the OpenAPI document; docs/lead-form.md describes them.
 */
export function hostedRoutes(limits?: LeadFormLimits): FastifyPluginAsyncZod {
  return async (app) => {
    const limiter = new SubmissionLimiter(limits);
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseUrlEncoded(body as string)),
    );
    // After the app-wide headers: this page may be framed, and allows only its own style.
    app.addHook('onSend', async (_req, reply) => {
      const policy = reply.getHeader('x-lead-form-csp');
      if (typeof policy !== 'string') return;
      reply.removeHeader('x-lead-form-csp');
      reply.removeHeader('x-frame-options');
      reply.header('content-security-policy', policy);
      reply.header('cross-origin-resource-policy', 'cross-origin');
    });
    const deps = () => ({ db: app.db, secret: app.config.sessionSecret, now: app.now() });
    const config = { public: true };
    const hide = { hide: true };

    app.get(
      '/f/:publicId',
      { config, schema: { ...hide, params: paramsSchema, querystring: querySchema } },
      async (req, reply) => {
        const { form, locale } = await publicForm(
          app.db,
          req.params.publicId,
          req.query.lang,
          req.headers['accept-language'],
        );
        if (!form || !form.enabled) {
          return sendPage(reply, 404, renderUnavailablePage(locale), null);
        }
        const ctx = await pageContext(deps(), form, locale);
        return sendPage(reply, 200, renderFormPage(ctx, empty()), form.settings.redirectUrl);
      },
    );

    app.get(
      '/f/:publicId/thanks',
      { config, schema: { ...hide, params: paramsSchema, querystring: querySchema } },
      async (req, reply) => {
        const { form, locale } = await publicForm(
          app.db,
          req.params.publicId,
          req.query.lang,
          req.headers['accept-language'],
        );
        if (!form) return sendPage(reply, 404, renderUnavailablePage(locale), null);
        return sendPage(reply, 200, renderThanksPage(locale, form.texts[locale]!), null);
      },
    );

    app.post(
      '/f/:publicId',
      { config, schema: { ...hide, params: paramsSchema, querystring: querySchema } },
      async (req, reply) => {
        const { form, locale } = await publicForm(
          app.db,
          req.params.publicId,
          req.query.lang,
          req.headers['accept-language'],
        );
        if (!form || !form.enabled) {
          return sendPage(reply, 404, renderUnavailablePage(locale), null);
        }
        const body: PostedForm =
          req.body && typeof req.body === 'object' && !Array.isArray(req.body)
            ? (req.body as PostedForm)
            : {};
        const words = pageWords(locale);
        const again = async (status: number, state: PageState) =>
          sendPage(
            reply,
            status,
            renderFormPage(await pageContext(deps(), form, locale), state),
            form.settings.redirectUrl,
          );
        const sent = { values: visitorValues(form, body), consents: checkedConsents(body) };
        const wait = limiter.attempt(req.ip, form.id);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          return again(429, { ...sent, errors: {}, notice: words.tooMany });
        }
        const outcome = await submitLeadForm(deps(), form, locale, form.texts[locale]!, body);
        if (outcome.kind === 'refused') {
          req.log.info({ form: form.id, reason: outcome.reason }, 'lead form submission refused');
          return again(400, { ...sent, errors: {}, notice: words.refused });
        }
        if (outcome.kind === 'invalid') return again(400, { ...sent, errors: outcome.errors });
        const next = form.settings.redirectUrl ?? `/f/${form.publicId}/thanks?lang=${locale}`;
        return reply.code(303).header('location', next).send();
      },
    );
  };
}
