import type { HistoryEntry, Person } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { mailCampaigns, mailRecipients, mailUnsubscribes } from './campaigns.table.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

describe('unsubscribe links', () => {
  let t: TestApp;
  const clock = { now: new Date('2026-03-02T09:30:00Z') };
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock.now });
  });
  afterAll(() => t.close());

  async function person(org: TestOrg, consent = true) {
    const res = await org.owner.request('POST', '/api/persons', {
      firstName: 'Anna',
      emails: [{ email: `anna-${Math.random().toString(36).slice(2, 8)}@example.test` }],
      consentEmail: { granted: consent, source: 'Signup form' },
      consentSms: { granted: true, source: 'Signup form' },
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ person: Person }>().person;
  }

  async function campaign(org: TestOrg, name = 'Come back in January') {
    const [row] = await t.app.db
      .insert(mailCampaigns)
      .values({ orgId: org.orgId, name, channel: 'email', state: 'sending' })
      .returning();
    return row!;
  }

  const tokenFor = (
    orgId: string,
    campaignId: string,
    personId: string,
    channel: 'email' | 'sms' = 'email',
  ) => unsubscribeToken(t.config.sessionSecret, { orgId, campaignId, personId, channel });

  /** How a mail app sends RFC 8058's one-click: a form body, no cookie, no Origin of ours. */
  const oneClick = (token: string, over: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
      ...over,
    });

  const historyOf = async (org: TestOrg, id: string) =>
    (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history?limit=100`))
      .items;

  it('one click without a session withdraws the email consent with source, time and history, once', async () => {
    const org = await createOrg(t.app);
    const p = await person(org);
    const c = await campaign(org);
    const token = tokenFor(org.orgId, c.id, p.id);

    const first = await oneClick(token, {
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'https://mail.example.com',
      },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ ok: true });
    expect(first.headers['cache-control']).toBe('no-store');

    const after = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(after.consentEmail).toEqual({
      granted: false,
      at: clock.now.toISOString(),
      source: 'Unsubscribe link: Come back in January',
      by: null,
    });
    // Only the channel the link names.
    expect(after.consentSms.granted).toBe(true);
    expect(after.version).toBe(p.version + 1);
    const entries = (await historyOf(org, p.id)).filter((e) => e.event === 'consent_withdrawn');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      text: 'Unsubscribe link: Come back in January',
      data: { channel: 'email', campaignId: c.id },
      author: null,
    });
    const rows = await t.app.db
      .select()
      .from(mailUnsubscribes)
      .where(eq(mailUnsubscribes.orgId, org.orgId));
    expect(rows).toMatchObject([{ personId: p.id, channel: 'email', campaignId: c.id }]);

    // Mail apps retry and people click twice: the same answer, nothing more written.
    clock.now = new Date(clock.now.getTime() + 60_000);
    const again = await oneClick(token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ok: true });
    const still = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(still.version).toBe(after.version);
    expect(still.consentEmail.at).toBe(after.consentEmail.at);
    expect(
      (await historyOf(org, p.id)).filter((e) => e.event === 'consent_withdrawn'),
    ).toHaveLength(1);
  });

  it('takes any body or none: empty, JSON, text', async () => {
    const org = await createOrg(t.app);
    const c = await campaign(org);
    for (const [type, payload] of [
      [undefined, undefined],
      ['application/json', ''],
      ['application/json', '{"x":1}'],
      ['text/plain', 'hello'],
      ['multipart/form-data; boundary=x', '--x--'],
    ] as const) {
      const p = await person(org);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/unsubscribe/${tokenFor(org.orgId, c.id, p.id)}`,
        ...(type && { headers: { 'content-type': type } }),
        ...(payload !== undefined && { payload }),
      });
      expect(res.statusCode, `${type} ${payload}`).toBe(200);
      expect(
        (await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`)).consentEmail.granted,
      ).toBe(false);
    }
  });

  it('refuses a forged or altered token and changes nothing', async () => {
    const org = await createOrg(t.app);
    const p = await person(org);
    const c = await campaign(org);
    const token = tokenFor(org.orgId, c.id, p.id);
    const flipped = `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
    const otherKey = unsubscribeToken('another-secret-another-secret-xx', {
      orgId: org.orgId,
      campaignId: c.id,
      personId: p.id,
      channel: 'email',
    });
    for (const bad of [flipped, otherKey, 'nonsense', token.slice(0, -2), `${token}AA`]) {
      const res = await oneClick(bad);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
      const page = await t.app.inject({ method: 'GET', url: `/unsubscribe/${bad}` });
      expect(page.statusCode).toBe(404);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('This link is not valid');
    }
    const after = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(after.consentEmail).toMatchObject({ granted: true, source: 'Signup form' });
    expect(after.version).toBe(p.version);
    expect((await historyOf(org, p.id)).some((e) => e.event === 'consent_withdrawn')).toBe(false);
  });

  it("a token naming another organization can't touch this one's person", async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const p = await person(a);
    const cb = await campaign(b);
    // Genuinely signed, but for organization B: A's person is not there.
    const res = await oneClick(tokenFor(b.orgId, cb.id, p.id));
    expect(res.statusCode).toBe(200);
    const after = await ok<Person>(a.owner, 'GET', `/api/persons/${p.id}`);
    expect(after.consentEmail.granted).toBe(true);
    expect(after.version).toBe(p.version);
    const rows = await t.app.db
      .select()
      .from(mailUnsubscribes)
      .where(eq(mailUnsubscribes.personId, p.id));
    expect(rows).toEqual([]);
  });

  it('a person in the trash or gone answers success and nothing happens', async () => {
    const org = await createOrg(t.app);
    const p = await person(org);
    const c = await campaign(org);
    expect((await org.owner.request('DELETE', `/api/persons/${p.id}`)).statusCode).toBe(204);
    expect((await oneClick(tokenFor(org.orgId, c.id, p.id))).statusCode).toBe(200);
    const gone = await oneClick(tokenFor(org.orgId, c.id, '0190d2a4-0000-7000-8000-000000000001'));
    expect(gone.statusCode).toBe(200);
  });

  it('the SMS channel withdraws the SMS consent', async () => {
    const org = await createOrg(t.app);
    const p = await person(org);
    const c = await campaign(org);
    const token = tokenFor(org.orgId, c.id, p.id, 'sms');
    const page = await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.body).toContain('Do you want to stop receiving text messages from');
    expect((await oneClick(token)).statusCode).toBe(200);
    const after = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(after.consentSms.granted).toBe(false);
    expect(after.consentEmail.granted).toBe(true);
  });

  it('the page asks in the language the person got the mail in, and its button unsubscribes', async () => {
    const org = await createOrg(t.app, { name: 'Friskis <Gym>', locale: 'en' });
    const p = await person(org);
    const c = await campaign(org);
    await t.app.db.insert(mailRecipients).values({
      orgId: org.orgId,
      campaignId: c.id,
      personId: p.id,
      address: p.emails[0]!.email,
      locale: 'sv',
      state: 'sent',
    });
    const token = tokenFor(org.orgId, c.id, p.id);
    const page = await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('Vill du sluta få e-post från Friskis &lt;Gym&gt;?');
    expect(page.body).toContain(`action="/unsubscribe/${token}"`);
    expect(page.body).not.toContain('<script');
    // Opening the page (or a scanner following the link) changes nothing.
    expect((await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`)).consentEmail.granted).toBe(
      true,
    );

    const done = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Du är avregistrerad');
    const after = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    // The source is written in the club's language, for its staff.
    expect(after.consentEmail).toMatchObject({
      granted: false,
      source: 'Unsubscribe link: Come back in January',
    });
    const [row] = await t.app.db
      .select()
      .from(mailUnsubscribes)
      .where(and(eq(mailUnsubscribes.orgId, org.orgId), eq(mailUnsubscribes.personId, p.id)));
    expect(row?.channel).toBe('email');
  });

  it("without a recipient row the page is in the organization's language (Russian)", async () => {
    const org = await createOrg(t.app, { name: 'Клуб Сила', locale: 'ru' });
    const p = await person(org);
    const c = await campaign(org, 'Весна');
    const token = tokenFor(org.orgId, c.id, p.id);
    const page = await t.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.body).toContain('<html lang="ru">');
    expect(page.body).toContain('Вы хотите больше не получать письма от Клуб Сила?');
    await oneClick(token);
    const after = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(after.consentEmail.source).toBe('Ссылка для отписки: Весна');
  });

  it('a bad link page follows the browser language', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/unsubscribe/nope',
      headers: { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.8' },
    });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Ten link jest nieprawidłowy');
  });
});
