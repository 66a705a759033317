import type { HistoryEntry, Person } from '@spotter/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { TestSmtp } from './mailing.test-setup.ts';

describe('one email to one person', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    t = await createTestApp({ config: { smtpAllowHosts: ['127.0.0.1'] } });
    smtp = await new TestSmtp().start();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.refuse.clear();
  });

  const configure = (org: TestOrg) =>
    ok(org.owner, 'PUT', '/api/mail-settings', {
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      smtpUser: null,
      fromName: 'Friskis Gym',
      fromAddress: 'info@friskis.example',
      replyTo: 'club-replies@friskis.example',
      postalAddress: null,
      dkimDomain: null,
      dkimSelector: null,
      version: 0,
    });

  async function person(org: TestOrg, body: Record<string, unknown> = {}) {
    return (
      await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
        firstName: 'Åsa',
        lastName: 'Berg',
        emails: [{ email: 'asa.berg@example.test' }],
        // Not marketing: no consent is needed.
        consentEmail: { granted: false },
        ...body,
      })
    ).person;
  }

  const history = async (org: TestOrg, id: string) =>
    (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history`)).items;

  it("sends through the club's server with the person's placeholders, Reply-To the sender, and writes history", async () => {
    const org = await createOrg(t.app, { name: 'Friskis' });
    await configure(org);
    const reception = await createStaff(t.app, org, 'reception');
    const p = await person(org);
    const res = await reception.client.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hej {{ firstName }}!',
      body: 'Välkommen till **{{ clubName }}**, {{ fullName }}.\n\nVi ses {{ responsibleName | snart }}.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ response: string }>().response).toContain('Queued as TEST123');

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['asa.berg@example.test']);
    expect(mail.parsed.subject).toBe('Hej Åsa!');
    expect(mail.parsed.from?.value[0]).toMatchObject({
      name: 'Friskis Gym',
      address: 'info@friskis.example',
    });
    expect(mail.parsed.replyTo?.value[0]?.address).toBe(reception.email);
    expect(mail.parsed.html).toContain('<strong>Friskis</strong>');
    expect(mail.parsed.text).toContain('Välkommen till Friskis, Åsa Berg.');
    expect(mail.parsed.text).toContain('Vi ses snart.');
    // One-to-one mail is not a campaign: no unsubscribe headers.
    expect(mail.parsed.headers.get('list-unsubscribe')).toBeUndefined();

    const entries = (await history(org, p.id)).filter((e) => e.event === 'email_sent');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      text: 'Hej Åsa!',
      data: { subject: 'Hej Åsa!', to: 'asa.berg@example.test' },
      author: { id: reception.id },
    });
  });

  it('answers 422 mail_not_configured before the settings are saved, and writes nothing', async () => {
    const org = await createOrg(t.app);
    const p = await person(org);
    const res = await org.owner.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'mail_not_configured' });
    expect((await history(org, p.id)).some((e) => e.event === 'email_sent')).toBe(false);
  });

  it("answers 422 smtp_failed with the server's words when it refuses, and writes nothing", async () => {
    const org = await createOrg(t.app);
    await configure(org);
    const p = await person(org, { emails: [{ email: 'gone@example.test' }] });
    smtp.refuse.add('gone@example.test');
    const res = await org.owner.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'smtp_failed' });
    expect(res.json<{ message: string }>().message).toContain('Mailbox unavailable');
    expect((await history(org, p.id)).some((e) => e.event === 'email_sent')).toBe(false);
  });

  it('answers 422 with a field error when the person has no email', async () => {
    const org = await createOrg(t.app);
    await configure(org);
    const p = await person(org, { emails: [], phones: [{ number: '0701234567' }] });
    const res = await org.owner.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'no_address',
      fieldCodes: { email: 'required' },
    });
    expect(smtp.received).toHaveLength(0);
  });

  it('refuses bad input field by field: empty, too long, unknown placeholders, extra keys', async () => {
    const org = await createOrg(t.app);
    await configure(org);
    const p = await person(org);
    const url = `/api/persons/${p.id}/email`;
    const empty = await org.owner.request('POST', url, { subject: ' ', body: '' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json<{ fields: object }>().fields).sort()).toEqual([
      'body',
      'subject',
    ]);
    const long = await org.owner.request('POST', url, { subject: 'x'.repeat(201), body: 'b' });
    expect(long.json()).toMatchObject({ fieldCodes: { subject: 'too_long' } });
    const typo = await org.owner.request('POST', url, { subject: 'Hi {{ frstName }}', body: 'b' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({ fieldCodes: { subject: 'unknown_placeholder' } });
    const extra = await org.owner.request('POST', url, { subject: 'a', body: 'b', to: 'x@y.z' });
    expect(extra.statusCode).toBe(400);
    expect((await org.owner.request('POST', url, 'not json')).statusCode).toBe(415);
    expect(
      (await org.owner.request('POST', '/api/persons/nope/email', { subject: 'a', body: 'b' }))
        .statusCode,
    ).toBe(404);
    expect(smtp.received).toHaveLength(0);
  });

  it("another organization's person is 404, and a role without mailing.send is refused", async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    await configure(a);
    await configure(b);
    const p = await person(a);
    const res = await b.owner.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(res.statusCode).toBe(404);
    const instructor = await createStaff(t.app, a, 'instructor');
    const denied = await instructor.client.request('POST', `/api/persons/${p.id}/email`, {
      subject: 'Hi',
      body: 'Hello',
    });
    expect(denied.statusCode).toBe(403);
    expect(smtp.received).toHaveLength(0);
    expect((await history(a, p.id)).some((e) => e.event === 'email_sent')).toBe(false);
  });
});
