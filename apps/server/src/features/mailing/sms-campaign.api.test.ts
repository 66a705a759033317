import type { Campaign, HistoryEntry, RecipientPage } from '@spotter/contracts';
import { smsSegments } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { JobRunner, type JobDefinitions } from '../jobs/index.ts';
import { campaignJobs } from './campaign-delivery.ts';
import { addPerson } from './campaigns.test-setup.ts';
import { MailPool } from './mail-transport.ts';
import { createSmsSender } from './sms-send.ts';
import { smsBox } from './sms-settings.routes.ts';
import { TestGateway } from './sms.test-setup.ts';

/**
 * Acceptance 3 of issue 16: an SMS campaign through a real HTTP gateway on 127.0.0.1, with the
 * organization's own sender (no fake): bodies exactly as configured, nothing in the quiet
 * hours on the club's clock (pinned), per-recipient statuses with the gateway's answers.
 */
describe('SMS campaign through the gateway', () => {
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  let t: TestApp;
  let gw: TestGateway;
  let pool: MailPool;
  let jobs: JobDefinitions;

  beforeAll(async () => {
    gw = await new TestGateway().start();
    // No smsSender handed in: the app's own runner sends through the gateway too.
    t = await createTestApp({ config: { smsAllowHosts: ['127.0.0.1'] }, now: () => clock.now });
    pool = new MailPool({ allow: new AllowList([]) });
    jobs = campaignJobs({
      box: secretBoxFor(t.config.sessionSecret, 'mail settings'),
      sessionSecret: t.config.sessionSecret,
      pool,
      sms: createSmsSender({
        box: smsBox(t.config.sessionSecret),
        allow: new AllowList(['127.0.0.1']),
      }),
    });
  });
  afterAll(async () => {
    pool.close();
    await t.close();
    await gw.close();
  });
  beforeEach(() => gw.reset());

  /** Runs the campaign jobs due at `at` until none is left running or due. */
  async function deliver(at: Date) {
    clock.now = at;
    for (let i = 0; i < 200; i++) {
      await new JobRunner(t.app.db, { jobs, now: () => at, concurrency: 4 }).runDue();
      const rows = await t.app.db.execute(sql`select count(*)::int as n from jobs
        where kind like 'mailing.%' and (state = 'running'
          or (state = 'queued' and run_at <= ${at.toISOString()}::timestamptz))`);
      if (Number((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n) === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('campaign jobs did not settle');
  }

  it('sends form bodies as configured, never in the quiet hours, and keeps each answer', async () => {
    const org = await createOrg(t.app, { name: 'Friskis Väst', timezone: 'Europe/Stockholm' });
    await ok(org.owner, 'PUT', '/api/sms-settings', {
      url: `${gw.base}/a1/sms`,
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      headers: [{ name: 'Authorization', value: 'Basic dTEyMzpoZW1saWd0' }],
      bodyTemplate: 'from={{from}}&to={{to}}&message={{text}}',
      sender: 'FriskisVast',
      quietHours: { from: '21:00', to: '08:00' },
      version: 0,
    });
    const asa = await addPerson(org, { firstName: 'Åsa', phone: '+46701111111', consentSms: true });
    const lucja = await addPerson(org, {
      firstName: 'Łucja',
      phone: '+48512345678',
      consentSms: true,
    });
    const yuri = await addPerson(org, {
      firstName: 'Юрий',
      phone: '+46702222222',
      consentSms: true,
    });
    const gone = await addPerson(org, {
      firstName: 'Nils',
      phone: '+46704444444',
      consentSms: true,
    });
    await addPerson(org, { firstName: 'NoConsent', phone: '+46703333333', consentSms: false });
    // The gateway refuses one number for good and is busy once for another.
    let busy = 1;
    gw.answer = (hit) => {
      const to = new URLSearchParams(hit.body).get('to');
      if (to === '+46704444444') return { status: 400, body: '{"error":"Invalid to number"}' };
      if (to === '+46702222222' && busy-- > 0) return { status: 503, body: 'Try again later' };
      return undefined;
    };

    // 22:00 in Stockholm (UTC+1 in March): quiet until 08:00 there, 07:00 UTC.
    clock.now = new Date('2026-03-02T21:00:00Z');
    const text = 'Hej {{ firstName | vän }}! Prova på-pass i morgon kl. 18 på {{clubName}}.';
    const draft = await ok<Campaign>(org.owner, 'POST', '/api/campaigns', {
      name: 'Prova på',
      channel: 'sms',
      smsText: text,
      ratePerMinute: null,
    });
    const started = await ok<Campaign>(org.owner, 'POST', `/api/campaigns/${draft.id}/send`, {
      at: null,
      version: draft.version,
    });
    expect(started.audienceCounts).toMatchObject({ matched: 5, noConsent: 1, reachable: 4 });
    await deliver(new Date('2026-03-02T21:00:00Z'));
    await deliver(new Date('2026-03-02T23:30:00Z'));
    await deliver(new Date('2026-03-03T06:59:59Z'));
    expect(gw.hits).toHaveLength(0);

    await deliver(new Date('2026-03-03T07:00:05Z'));
    const filled = (name: string) => `Hej ${name}! Prova på-pass i morgon kl. 18 på Friskis Väst.`;
    const bodyFor = (to: string, name: string) =>
      `from=FriskisVast&to=${encodeURIComponent(to)}&message=${encodeURIComponent(filled(name))}`;
    const bodies = gw.hits.map((h) => h.body);
    expect(bodies).toEqual(
      expect.arrayContaining([
        bodyFor('+46701111111', 'Åsa'),
        bodyFor('+48512345678', 'Łucja'),
        bodyFor('+46702222222', 'Юрий'),
        bodyFor('+46704444444', 'Nils'),
      ]),
    );
    expect(bodies).toHaveLength(4);
    expect(bodies.join()).not.toContain('46703333333');
    for (const hit of gw.hits) {
      expect(hit).toMatchObject({ method: 'POST', url: '/a1/sms' });
      expect(hit.headers.authorization).toBe('Basic dTEyMzpoZW1saWd0');
      expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    // What each text costs: Swedish stays GSM-7, Polish and Cyrillic names make it Unicode.
    expect(smsSegments(filled('Åsa'))).toMatchObject({ encoding: 'gsm7', segments: 1 });
    expect(smsSegments(filled('Łucja'))).toMatchObject({ encoding: 'ucs2', segments: 1 });
    expect(smsSegments(filled('Юрий'))).toMatchObject({ encoding: 'ucs2', segments: 1 });

    const recipients = async () =>
      new Map(
        (
          await ok<RecipientPage>(org.owner, 'GET', `/api/campaigns/${draft.id}/recipients`)
        ).items.map((r) => [r.personId, r]),
      );
    let now = await recipients();
    expect(now.get(asa.id)).toMatchObject({
      state: 'sent',
      address: '+46701111111',
      response: expect.stringMatching(/^200 \{"id":"sms-\d+","status":"queued"\}$/),
    });
    expect(now.get(lucja.id)).toMatchObject({ state: 'sent', address: '+48512345678' });
    expect(now.get(gone.id)).toMatchObject({
      state: 'failed',
      response: '400 {"error":"Invalid to number"}',
    });
    // The busy answer is tried again later, not given up.
    expect(now.get(yuri.id)).toMatchObject({ state: 'queued', response: '503 Try again later' });

    await deliver(new Date('2026-03-03T09:00:00Z'));
    now = await recipients();
    expect(now.get(yuri.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(gw.hits).toHaveLength(5);
    const done = await ok<Campaign>(org.owner, 'GET', `/api/campaigns/${draft.id}`);
    expect(done).toMatchObject({ state: 'done', totals: { sent: 3, failed: 1 } });

    const history = await ok<{ items: HistoryEntry[] }>(
      org.owner,
      'GET',
      `/api/persons/${lucja.id}/history`,
    );
    expect(history.items.find((e) => e.event === 'sms_sent')?.text).toBe(filled('Łucja'));
  });
});
