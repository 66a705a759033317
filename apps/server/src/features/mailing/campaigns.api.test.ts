import type {
  AudienceCounts,
  Campaign,
  CampaignPage,
  MailTemplate,
  Person,
} from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, type TestOrg } from '../../../test/test-app.ts';
import { addTag } from '../contacts/contacts-list.test-setup.ts';
import {
  addPerson,
  comeBack,
  configureMail,
  createCampaign,
  useCampaignWorld,
} from './campaigns.test-setup.ts';

describe('campaigns', () => {
  const w = useCampaignWorld();

  const patch = (org: TestOrg, c: Campaign, body: Record<string, unknown>) =>
    org.owner.request('PATCH', `/api/campaigns/${c.id}`, { version: c.version, ...body });

  it('copies the texts of a template, changes with a version, and deletes only a draft', async () => {
    const org = await createOrg(w.t.app);
    const template = await ok<MailTemplate>(org.owner, 'POST', '/api/mail-templates', {
      name: 'Come back',
      variants: comeBack,
    });
    const res = await org.owner.request('POST', '/api/campaigns', {
      name: 'January',
      channel: 'email',
      templateId: template.id,
      audience: { tagId: [] },
    });
    expect(res.statusCode).toBe(201);
    const campaign = res.json<Campaign>();
    expect(campaign).toMatchObject({
      state: 'draft',
      templateId: template.id,
      variants: comeBack,
      audienceCounts: null,
      totals: { total: 0 },
      createdBy: { id: org.ownerId, name: 'Owner Olsson' },
      version: 1,
    });

    const renamed = await patch(org, campaign, { name: 'February', ratePerMinute: 100 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'February', ratePerMinute: 100, version: 2 });
    const stale = await patch(org, campaign, { name: 'March' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    const second = await createCampaign(org, { name: 'Second' });
    const page = await ok<CampaignPage>(org.owner, 'GET', '/api/campaigns');
    expect(page.items.map((c) => c.name)).toEqual(['Second', 'February']);

    await ok(org.owner, 'DELETE', `/api/campaigns/${campaign.id}`);
    expect((await org.owner.request('GET', `/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect(second.state).toBe('draft');
  });

  it('pages newest first with a cursor', async () => {
    const org = await createOrg(w.t.app);
    for (let i = 0; i < 52; i++) await createCampaign(org, { name: `C${i}` });
    const first = await ok<CampaignPage>(org.owner, 'GET', '/api/campaigns');
    expect(first.items).toHaveLength(50);
    expect(first.items[0]!.name).toBe('C51');
    const next = await ok<CampaignPage>(
      org.owner,
      'GET',
      `/api/campaigns?cursor=${first.nextCursor!}`,
    );
    expect(next.items.map((c) => c.name)).toEqual(['C1', 'C0']);
    expect(next.nextCursor).toBeNull();
    expect((await org.owner.request('GET', '/api/campaigns?cursor=nonsense')).statusCode).toBe(400);
  });

  it('refuses unknown placeholders, an SMS without text and a bad audience, naming the field', async () => {
    const org = await createOrg(w.t.app);
    const typo = await org.owner.request('POST', '/api/campaigns', {
      name: 'Typo',
      channel: 'email',
      variants: [{ locale: 'en', subject: 'Hi {{ fristName }}', body: 'Hi' }],
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      fieldCodes: { 'variants.0.subject': 'unknown_placeholder' },
    });
    const noText = await org.owner.request('POST', '/api/campaigns', {
      name: 'SMS',
      channel: 'sms',
    });
    expect(noText.statusCode).toBe(400);
    expect(noText.json()).toMatchObject({ fieldCodes: { smsText: 'required' } });
    const smsTypo = await org.owner.request('POST', '/api/campaigns', {
      name: 'SMS',
      channel: 'sms',
      smsText: 'Hej {{ club }}',
    });
    expect(smsTypo.json()).toMatchObject({ fieldCodes: { smsText: 'unknown_placeholder' } });
    const badAudience = await org.owner.request('POST', '/api/campaigns', {
      name: 'Bad',
      channel: 'email',
      variants: comeBack,
      audience: { tagId: 'not-an-id', colour: 'red' },
    });
    expect(badAudience.statusCode).toBe(400);
    const fields = Object.keys(badAudience.json<{ fields: object }>().fields);
    expect(fields).toEqual(expect.arrayContaining(['audience.colour']));
    expect(fields.every((f) => f.startsWith('audience'))).toBe(true);
    const unknownField = await org.owner.request('POST', '/api/campaigns/audience', {
      channel: 'email',
      audience: { cf: '00000000-0000-4000-8000-000000000000:eq:x' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json()).toMatchObject({
      fieldCodes: { 'audience.cf': 'unknown_reference' },
    });
  });

  it('counts an SMS audience by mobile number in E.164 and SMS consent', async () => {
    const org = await createOrg(w.t.app);
    const vip = (await addTag(org, 'VIP')).id;
    await addPerson(org, {
      firstName: 'A',
      phone: '+46701234567',
      consentSms: true,
      tagIds: [vip],
    });
    await addPerson(org, { firstName: 'B', phone: '+46701234568', tagIds: [vip] });
    await addPerson(org, {
      firstName: 'C',
      email: 'c@example.test',
      consentSms: true,
      tagIds: [vip],
    });
    await addPerson(org, { firstName: 'D', phone: '+46701234569', consentSms: true });
    const counts = await ok<AudienceCounts>(org.owner, 'POST', '/api/campaigns/audience', {
      channel: 'sms',
      audience: { tagId: vip },
    });
    expect(counts).toEqual({
      matched: 3,
      noAddress: 1,
      noConsent: 1,
      unsubscribed: 0,
      bounced: 0,
      reachable: 1,
      viaGuardian: 0,
      messages: 1,
    });
  });

  it('a sending campaign cannot be changed or deleted (422 campaign_state)', async () => {
    const org = await createOrg(w.t.app);
    await configureMail(org, w.smtp);
    const campaign = await createCampaign(org, { ratePerMinute: 1 });
    const noOne = await ok<Campaign>(org.owner, 'POST', `/api/campaigns/${campaign.id}/send`, {
      at: null,
      version: campaign.version,
    });
    // Nobody reachable: done at once.
    expect(noOne).toMatchObject({ state: 'done', audienceCounts: { matched: 0 } });
    const change = await patch(org, noOne, { name: 'Later' });
    expect(change.statusCode).toBe(422);
    expect(change.json()).toMatchObject({ code: 'campaign_state' });
    const del = await org.owner.request('DELETE', `/api/campaigns/${campaign.id}`);
    expect(del.statusCode).toBe(422);
  });

  it('refuses to send without mail settings (422 mail_not_configured)', async () => {
    const org = await createOrg(w.t.app);
    const campaign = await createCampaign(org, {});
    const res = await org.owner.request('POST', `/api/campaigns/${campaign.id}/send`, {
      at: null,
      version: campaign.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'mail_not_configured' });
    const test = await org.owner.request('POST', `/api/campaigns/${campaign.id}/test`, {
      to: 'me@example.test',
      personId: null,
    });
    expect(test.json()).toMatchObject({ code: 'mail_not_configured' });
  });

  it('sends a test mail as recipients get it, marked [Test], filled in for a person', async () => {
    const org = await createOrg(w.t.app, { locale: 'en', name: 'Gym One' });
    await configureMail(org, w.smtp);
    const p = await addPerson(org, {
      firstName: 'Maja',
      email: 'maja@example.test',
      consentEmail: true,
    });
    const campaign = await createCampaign(org, {});
    const res = await ok<{ response: string }>(
      org.owner,
      'POST',
      `/api/campaigns/${campaign.id}/test`,
      { to: 'manager@example.test', personId: p.id },
    );
    expect(res.response).toContain('250');
    const [mail] = w.smtp.received;
    expect(mail!.to).toEqual(['manager@example.test']);
    expect(mail!.parsed.subject).toBe('[Test] Come back, Maja!');
    expect(mail!.parsed.text).toContain('Unsubscribe: ');
    expect(mail!.parsed.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
    // Its unsubscribe link leads to the page a recipient sees, says it came in a test mail, and
    // unsubscribes nobody — not the person it was filled in for either.
    const [, token] = /\/unsubscribe\/([\w-]+)/.exec(mail!.parsed.text!)!;
    const note = 'This link came in a test mail: it unsubscribes nobody.';
    const page = await w.t.app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(note);
    const done = await w.t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('You are unsubscribed');
    expect(done.body).toContain(note);
    const oneClick = await w.t.app.inject({
      method: 'POST',
      url: `/api/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.json()).toEqual({ ok: true });
    const maja = await ok<Person>(org.owner, 'GET', `/api/persons/${p.id}`);
    expect(maja.consentEmail.granted).toBe(true);
    expect(maja.version).toBe(p.version);
    w.smtp.refuse.add('nobody@example.test');
    const refused = await org.owner.request('POST', `/api/campaigns/${campaign.id}/test`, {
      to: 'nobody@example.test',
      personId: null,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'smtp_failed' });
  });

  it('is for owners, admins and managers; reception and sales get 403', async () => {
    const org = await createOrg(w.t.app);
    const manager = (await createStaff(w.t.app, org, 'manager')).client;
    expect((await manager.request('GET', '/api/campaigns')).statusCode).toBe(200);
    for (const role of ['reception', 'sales'] as const) {
      const staff = (await createStaff(w.t.app, org, role)).client;
      expect((await staff.request('GET', '/api/campaigns')).statusCode).toBe(403);
      expect(
        (
          await staff.request('POST', '/api/campaigns/audience', {
            channel: 'email',
            audience: {},
          })
        ).statusCode,
      ).toBe(403);
    }
  });
});
