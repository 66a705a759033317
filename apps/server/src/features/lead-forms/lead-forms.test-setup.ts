import type { FastifyInstance } from 'fastify';
import type { LeadForm, LeadFormBody } from '@spotter/contracts';
import { expect } from 'vitest';
import { ok, type TestOrg } from '../../../test/test-app.ts';

/** A pinned clock the tests move: a person takes seconds to fill a form, a bot none. */
export const clock = { now: new Date('2026-12-07T09:00:00Z') };
export const later = (seconds: number) => {
  clock.now = new Date(clock.now.getTime() + seconds * 1000);
};

let addressCounter = 0;
/** A fresh client address, so the per-address limit never links two tests. */
export const freshIp = () => {
  addressCounter += 1;
  return `10.${Math.floor(addressCounter / 250) % 250}.${addressCounter % 250}.7`;
};

export function formBody(overrides: Partial<LeadFormBody> = {}): LeadFormBody {
  return {
    name: `Free trial ${Math.random().toString(36).slice(2, 8)}`,
    fields: [
      { key: 'firstName', required: true },
      { key: 'lastName' },
      { key: 'phone', required: true },
      { key: 'email' },
      { key: 'message' },
    ],
    consents: [
      { id: 'email', kind: 'email' },
      { id: 'terms', kind: 'terms', required: true },
    ],
    texts: {
      sv: {
        title: 'Boka ett gratis provpass',
        intro: 'Fyll i så ringer vi upp.',
        thankYou: 'Tack! Vi ringer dig snart.',
        consents: { email: 'Jag vill få nyheter via e-post', terms: 'Jag godkänner villkoren' },
      },
      en: {
        title: 'Book a free trial',
        thankYou: 'Thanks! We will call you soon.',
        consents: { email: 'Send me news by email', terms: 'I accept the terms' },
      },
    },
    ...overrides,
  };
}

export const createForm = (org: TestOrg, overrides: Partial<LeadFormBody> = {}) =>
  ok<LeadForm>(org.owner, 'POST', '/api/lead-forms', formBody(overrides));

/** GET the hosted page; its HTML and the fill-time token in it. */
export async function openForm(
  app: FastifyInstance,
  publicId: string,
  opts: { lang?: string; acceptLanguage?: string } = {},
) {
  const res = await app.inject({
    method: 'GET',
    url: `/f/${publicId}${opts.lang ? `?lang=${opts.lang}` : ''}`,
    headers: opts.acceptLanguage ? { 'accept-language': opts.acceptLanguage } : {},
  });
  const token = /name="_t" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { res, html: res.body, token };
}

/** POST the hosted form as a browser does (url-encoded; a repeated name for each ticked box). */
export function post(
  app: FastifyInstance,
  publicId: string,
  fields: Record<string, string | string[]>,
  opts: { ip?: string; lang?: string } = {},
) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  return app.inject({
    method: 'POST',
    url: `/f/${publicId}${opts.lang ? `?lang=${opts.lang}` : ''}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString(),
    remoteAddress: opts.ip ?? freshIp(),
  });
}

/** Opens the page, waits like a person, sends it; expects the redirect to the thank-you page. */
export async function submitAsPerson(
  app: FastifyInstance,
  form: LeadForm,
  fields: Record<string, string | string[]>,
  opts: { ip?: string; lang?: string } = {},
) {
  const { token } = await openForm(app, form.publicId, { lang: opts.lang });
  later(20);
  const res = await post(app, form.publicId, { _t: token, website: '', ...fields }, opts);
  expect(res.statusCode, res.body).toBe(303);
  return res;
}
