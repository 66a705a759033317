import type { Page } from 'playwright-core';
import type { Api } from './session.ts';

/** The club's SMTP server (a local TestSmtp) saved through the API, as an admin would. */
export async function saveMailSettings(api: Api, port: number) {
  const current = (await api('GET', '/api/mail-settings')) as { version?: number };
  await api('PUT', '/api/mail-settings', {
    smtpHost: '127.0.0.1',
    smtpPort: port,
    smtpSecurity: 'none',
    smtpUser: null,
    fromName: 'Friskis Väst',
    fromAddress: 'info@friskisvast.se',
    replyTo: null,
    postalAddress: 'Storgatan 1, 411 01 Göteborg',
    dkimDomain: null,
    dkimSelector: null,
    version: current.version ?? 0,
  });
}

export interface YogaAudience {
  tagId: string;
  /** Tagged, with an address and consent: these two get the campaign. */
  reachable: { id: string; firstName: string; email: string }[];
}

const person = (
  api: Api,
  p: { firstName: string; lastName: string; email?: string; consent: boolean; tagIds: string[] },
) =>
  api('POST', '/api/persons', {
    firstName: p.firstName,
    lastName: p.lastName,
    emails: p.email ? [{ email: p.email }] : [],
    tagIds: p.tagIds,
    consentEmail: { granted: p.consent, source: 'anmälan i receptionen' },
  });

/**
 * Former yoga members, as seed 000's "Utskick" has them: four with the tag Yoga — two reachable,
 * one who never agreed to marketing email, one without an email address — and one without it.
 */
export async function seedYogaAudience(api: Api): Promise<YogaAudience> {
  const tag = await api('POST', '/api/settings/tags', {
    name: 'Yoga',
    color: '#7048e8',
    scope: 'person',
  });
  const tagIds = [tag.id as string];
  const reachable = [
    { firstName: 'Åsa', lastName: 'Lindqvist', email: 'asa.lindqvist@example.se' },
    { firstName: 'Bertil', lastName: 'Ek', email: 'bertil.ek@example.se' },
  ];
  const out: YogaAudience['reachable'] = [];
  for (const r of reachable) {
    const created = (await person(api, { ...r, consent: true, tagIds })) as {
      person: { id: string };
    };
    out.push({ id: created.person.id, firstName: r.firstName, email: r.email });
  }
  await person(api, {
    firstName: 'Cecilia',
    lastName: 'Holm',
    email: 'cecilia.holm@example.se',
    consent: false,
    tagIds,
  });
  await person(api, { firstName: 'David', lastName: 'Berg', consent: true, tagIds });
  await person(api, {
    firstName: 'Erik',
    lastName: 'Nyström',
    email: 'erik.nystrom@example.se',
    consent: true,
    tagIds: [],
  });
  return { tagId: tag.id as string, reachable: out };
}

/** Picks an option of a Mantine Select or MultiSelect by its label. */
export async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** True when nothing is wider than the window (no sideways scrolling on a tablet). */
export const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
