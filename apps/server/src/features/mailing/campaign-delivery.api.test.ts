import type { Campaign, HistoryEntry, RecipientPage } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, ok, type TestOrg } from '../../../test/test-app.ts';
import { addTag } from '../contacts/contacts-list.test-setup.ts';
import {
  addPerson,
  configureMail,
  createCampaign,
  useCampaignWorld,
} from './campaigns.test-setup.ts';

const MINUTE = 60_000;

describe('campaign delivery', () => {
  const w = useCampaignWorld();

  const send = (org: TestOrg, c: Campaign, at: string | null = null) =>
    ok<Campaign>(org.owner, 'POST', `/api/campaigns/${c.id}/send`, { at, version: c.version });
  const get = (org: TestOrg, c: Campaign) =>
    ok<Campaign>(org.owner, 'GET', `/api/campaigns/${c.id}`);
  const mailsTo = (address: string) => w.smtp.received.filter((m) => m.to.includes(address));
  /** The campaign's delivery jobs, earliest first. */
  async function jobsOf(c: Campaign) {
    const rows = await w.t.app.db.execute(sql`select id, payload from jobs
      where kind = 'mailing.deliver' and payload ->> 'campaignId' = ${c.id} order by run_at, id`);
    return (
      rows as unknown as { rows: Array<{ id: string; payload: { personIds: string[] } }> }
    ).rows.map((r) => ({ id: r.id, personIds: r.payload.personIds }));
  }
  /** `count` persons with an email consent: `<prefix>0` … with addresses unique to the org. */
  async function consentingPeople(org: TestOrg, prefix: string, count: number) {
    const tag = org.orgId.slice(0, 6);
    const people = [];
    for (let i = 0; i < count; i++) {
      people.push(
        await addPerson(org, {
          firstName: `${prefix}${i}`,
          email: `${prefix.toLowerCase()}${i}-${tag}@example.test`,
          consentEmail: true,
        }),
      );
    }
    return people;
  }
  async function setStates(c: Campaign, personIds: string[], state: string) {
    await w.t.app.db.execute(sql`update mail_recipients set state = ${state}, attempts = 1
      where campaign_id = ${c.id}::uuid and person_id in (${sql.join(
        personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
  }

  async function yogaClub(name = 'Friskis Väst') {
    const org = await createOrg(w.t.app, { name, locale: 'sv' });
    await configureMail(org, w.smtp);
    const yoga = await addTag(org, 'Yoga');
    return { org, yoga: yoga.id };
  }

  it('sends each consenting, reachable person one mail: placeholders, HTML and text, unsubscribe headers and footer, history', async () => {
    const { org, yoga } = await yogaClub();
    const tag = `${org.orgId.slice(0, 6)}`;
    const asa = await addPerson(org, {
      firstName: 'Åsa',
      email: `asa-${tag}@example.test`,
      consentEmail: true,
      tagIds: [yoga],
    });
    await addPerson(org, {
      firstName: 'NoConsent',
      email: `nc-${tag}@example.test`,
      tagIds: [yoga],
    });
    await addPerson(org, { firstName: 'NoAddress', consentEmail: true, tagIds: [yoga] });
    await addPerson(org, {
      firstName: 'OtherTag',
      email: `other-${tag}@example.test`,
      consentEmail: true,
    });
    const bounced = await addPerson(org, {
      firstName: 'Bounced',
      email: `bounced-${tag}@example.test`,
      consentEmail: true,
      tagIds: [yoga],
    });
    const unsubscribed = await addPerson(org, {
      firstName: 'Unsub',
      email: `unsub-${tag}@example.test`,
      consentEmail: false,
      tagIds: [yoga],
    });
    await w.t.app.db.execute(sql`insert into mail_bounces (org_id, address, response)
      values (${org.orgId}::uuid, ${`bounced-${tag}@example.test`}, '550 no such user')`);
    await w.t.app.db.execute(sql`insert into mail_unsubscribes (org_id, person_id, channel)
      values (${org.orgId}::uuid, ${unsubscribed.id}::uuid, 'email')`);

    const campaign = await createCampaign(org, { audience: { tagId: yoga } });
    const started = await send(org, campaign);
    expect(started.state).toBe('sending');
    expect(started.audienceCounts).toEqual({
      matched: 5,
      noAddress: 1,
      noConsent: 1,
      unsubscribed: 1,
      bounced: 1,
      reachable: 1,
      viaGuardian: 0,
      messages: 1,
    });
    // The app's own runner may already have taken the message (the send wakes it).
    expect(started.totals.total).toBe(1);
    expect(started.totals.queued + started.totals.sending + started.totals.sent).toBe(1);
    await w.deliver();

    expect(w.smtp.received.filter((m) => m.to.some((a) => a.includes(tag)))).toHaveLength(1);
    const [mail] = mailsTo(`asa-${tag}@example.test`);
    expect(mail).toBeDefined();
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('Välkommen tillbaka, Åsa!');
    expect(parsed.html).toContain('<p>Hej Åsa,</p>');
    expect(parsed.html).toContain('<strong>halva priset</strong> på Friskis Väst.');
    expect(parsed.text).toContain('Hej Åsa,');
    expect(parsed.text).toContain('Storgatan 1, 111 22 Stockholm');
    expect(parsed.html).toContain('Storgatan 1, 111 22 Stockholm');
    const header = (key: string) =>
      parsed.headerLines
        .find((h) => h.key === key)
        ?.line.replace(/\r?\n[ \t]+/g, '')
        .replace(/^[^:]+:\s*/, '');
    const listUnsubscribe = header('list-unsubscribe');
    // No PUBLIC_URL: the links point at the origin the send request came to.
    expect(listUnsubscribe).toMatch(/^<http:\/\/localhost(:80)?\/api\/unsubscribe\/[\w-]{80,90}>$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const [, base, token] = /^<(.*)\/api\/unsubscribe\/([\w-]+)>/.exec(listUnsubscribe!)!;
    expect(parsed.text).toContain(`Avregistrera dig: ${base}/unsubscribe/${token}`);
    expect(parsed.html).toContain(`href="${base}/unsubscribe/${token}"`);

    const done = await get(org, campaign);
    expect(done.state).toBe('done');
    expect(done.finishedAt).not.toBeNull();
    expect(done.totals).toMatchObject({ total: 1, sent: 1, queued: 0 });
    const recipients = await ok<RecipientPage>(
      org.owner,
      'GET',
      `/api/campaigns/${campaign.id}/recipients`,
    );
    expect(recipients.items).toEqual([
      expect.objectContaining({
        personId: asa.id,
        state: 'sent',
        attempts: 1,
        address: `asa-${tag}@example.test`,
        response: expect.stringContaining('250'),
      }),
    ]);
    const history = await ok<{ items: HistoryEntry[] }>(
      org.owner,
      'GET',
      `/api/persons/${asa.id}/history`,
    );
    expect(history.items[0]).toMatchObject({
      event: 'email_sent',
      text: 'Välkommen tillbaka, Åsa!',
      data: { campaignId: campaign.id, campaignName: 'Come back in January' },
    });
    expect(bounced.id).toBeTruthy();
  });

  it('spreads the messages by the rate limit and sends only what is due', async () => {
    const { org } = await yogaClub();
    const tag = org.orgId.slice(0, 6);
    for (let i = 0; i < 4; i++) {
      await addPerson(org, {
        firstName: `P${i}`,
        email: `p${i}-${tag}@example.test`,
        consentEmail: true,
      });
    }
    const campaign = await createCampaign(org, { ratePerMinute: 2 });
    await send(org, campaign);
    const runAts = await w.t.app.db.execute(sql`select run_at from jobs
      where kind = 'mailing.deliver' and payload ->> 'campaignId' = ${campaign.id} order by run_at`);
    const times = (runAts as unknown as { rows: Array<{ run_at: string | Date }> }).rows.map(
      (r) => new Date(r.run_at).getTime() - w.clock.now.getTime(),
    );
    expect(times).toEqual([0, 30_000, 60_000, 90_000]);

    await w.deliver();
    expect(w.smtp.received.filter((m) => m.to[0]!.includes(tag))).toHaveLength(1);
    await w.deliver(new Date(w.clock.now.getTime() + 60_000));
    expect(w.smtp.received.filter((m) => m.to[0]!.includes(tag))).toHaveLength(3);
    await w.deliver(new Date(w.clock.now.getTime() + 30_000));
    expect(w.smtp.received.filter((m) => m.to[0]!.includes(tag))).toHaveLength(4);
    expect((await get(org, campaign)).state).toBe('done');
  });

  it('starts a scheduled campaign at its time, with the persons who match then', async () => {
    const { org } = await yogaClub();
    const tag = org.orgId.slice(0, 6);
    await addPerson(org, {
      firstName: 'Early',
      email: `early-${tag}@example.test`,
      consentEmail: true,
    });
    const campaign = await createCampaign(org, {});
    const at = new Date(w.clock.now.getTime() + 60 * MINUTE).toISOString();
    const scheduled = await send(org, campaign, at);
    expect(scheduled).toMatchObject({ state: 'scheduled', scheduledAt: at });
    await addPerson(org, {
      firstName: 'Late',
      email: `late-${tag}@example.test`,
      consentEmail: true,
    });

    await w.deliver(new Date(w.clock.now.getTime() + 30 * MINUTE));
    expect((await get(org, campaign)).state).toBe('scheduled');
    expect(w.smtp.received).toHaveLength(0);

    await w.deliver(new Date(at));
    await w.deliver();
    const done = await get(org, campaign);
    expect(done).toMatchObject({ state: 'done', totals: { sent: 2 } });
    expect(done.startedAt).toBe(at);
    expect(mailsTo(`late-${tag}@example.test`)).toHaveLength(1);
  });

  it('pauses (nothing more leaves), resumes, and cancels (the rest skipped)', async () => {
    const { org } = await yogaClub();
    const tag = org.orgId.slice(0, 6);
    for (let i = 0; i < 6; i++) {
      await addPerson(org, {
        firstName: `P${i}`,
        email: `p${i}-${tag}@example.test`,
        consentEmail: true,
      });
    }
    const campaign = await createCampaign(org, { ratePerMinute: 1 });
    const started = await send(org, campaign);
    await w.deliver();
    expect(w.smtp.received).toHaveLength(1);

    const paused = await ok<Campaign>(org.owner, 'POST', `/api/campaigns/${campaign.id}/pause`, {
      version: started.version,
    });
    expect(paused.state).toBe('paused');
    await w.deliver(new Date(w.clock.now.getTime() + 10 * MINUTE));
    expect(w.smtp.received).toHaveLength(1);
    expect((await get(org, campaign)).totals).toMatchObject({ sent: 1, queued: 5 });

    const resumed = await ok<Campaign>(org.owner, 'POST', `/api/campaigns/${campaign.id}/resume`, {
      version: paused.version,
    });
    expect(resumed.state).toBe('sending');
    // Spread again from the resume: one now, the next a minute later.
    await w.deliver(new Date(w.clock.now.getTime() + MINUTE));
    expect(w.smtp.received).toHaveLength(3);

    const stale = await org.owner.request('POST', `/api/campaigns/${campaign.id}/cancel`, {
      version: paused.version,
    });
    expect(stale.statusCode).toBe(409);
    const cancelled = await ok<Campaign>(
      org.owner,
      'POST',
      `/api/campaigns/${campaign.id}/cancel`,
      {
        version: resumed.version,
      },
    );
    expect(cancelled).toMatchObject({
      state: 'cancelled',
      totals: { sent: 3, skipped: 3, queued: 0 },
    });
    await w.deliver(new Date(w.clock.now.getTime() + 60 * MINUTE));
    expect(w.smtp.received).toHaveLength(3);
    const again = await org.owner.request('POST', `/api/campaigns/${campaign.id}/resume`, {
      version: cancelled.version,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'campaign_state' });
  });

  it('retries a temporary 4xx and sends; records a permanent 5xx with the reply and leaves the address out next time', async () => {
    const { org } = await yogaClub();
    const tag = org.orgId.slice(0, 6);
    const grey = `grey-${tag}@example.test`;
    const gone = `gone-${tag}@example.test`;
    await addPerson(org, { firstName: 'Grey', email: grey, consentEmail: true });
    await addPerson(org, { firstName: 'Gone', email: gone, consentEmail: true });
    w.smtp.deferTimes.set(grey, 2);
    w.smtp.refuse.add(gone);
    const campaign = await createCampaign(org, {});
    await send(org, campaign);
    await w.deliver();
    let recipients = await ok<RecipientPage>(
      org.owner,
      'GET',
      `/api/campaigns/${campaign.id}/recipients`,
    );
    const byAddress = (page: RecipientPage, a: string) => page.items.find((r) => r.address === a);
    expect(byAddress(recipients, grey)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(byAddress(recipients, grey)!.response).toContain('451');
    expect(byAddress(recipients, gone)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(byAddress(recipients, gone)!.response).toContain('550');

    await w.deliver(new Date(w.clock.now.getTime() + 11_000));
    await w.deliver(new Date(w.clock.now.getTime() + 21_000));
    recipients = await ok<RecipientPage>(
      org.owner,
      'GET',
      `/api/campaigns/${campaign.id}/recipients`,
    );
    expect(byAddress(recipients, grey)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(mailsTo(grey)).toHaveLength(1);
    expect(mailsTo(gone)).toHaveLength(0);
    expect((await get(org, campaign)).state).toBe('done');

    const counts = await ok(org.owner, 'POST', '/api/campaigns/audience', {
      channel: 'email',
      audience: {},
    });
    expect(counts).toMatchObject({ matched: 2, bounced: 1, reachable: 1 });
  });

  it('skips a person who withdrew consent after sending started', async () => {
    const { org } = await yogaClub();
    const tag = org.orgId.slice(0, 6);
    for (const name of ['First', 'Second']) {
      await addPerson(org, {
        firstName: name,
        email: `${name}-${tag}@example.test`,
        consentEmail: true,
      });
    }
    const campaign = await createCampaign(org, { ratePerMinute: 1 });
    await send(org, campaign);
    await w.deliver();
    expect(w.smtp.received).toHaveLength(1);
    // The one still waiting withdraws consent before their turn.
    const waiting = await ok<RecipientPage>(
      org.owner,
      'GET',
      `/api/campaigns/${campaign.id}/recipients?state=queued`,
    );
    expect(waiting.items).toHaveLength(1);
    await w.t.app.db.execute(sql`update contacts set consent_email = false
      where org_id = ${org.orgId}::uuid and id = ${waiting.items[0]!.personId}::uuid`);
    await w.deliver(new Date(w.clock.now.getTime() + MINUTE));
    expect(w.smtp.received).toHaveLength(1);
    expect(await get(org, campaign)).toMatchObject({
      state: 'done',
      totals: { sent: 1, skipped: 1 },
    });
  });

  it('after a crash in the middle, a fresh runner (two at once) sends each remaining person exactly one mail', async () => {
    const { org } = await yogaClub();
    const people = await consentingPeople(org, 'P', 12);
    const campaign = await createCampaign(org, { ratePerMinute: 60 });
    await send(org, campaign);
    // The first three (one a second) go out; then the instance dies while handing over two
    // more: their recipients stay 'sending' and their jobs 'running' on a lease nobody renews.
    await w.deliver(new Date(w.clock.now.getTime() + 2_000));
    expect(w.smtp.received).toHaveLength(3);
    const crashed = await w.t.app.db.execute(sql`
      with victims as (
        select person_id from mail_recipients
        where org_id = ${org.orgId}::uuid and campaign_id = ${campaign.id}::uuid and state = 'queued'
        order by person_id limit 2)
      update mail_recipients r set state = 'sending', attempts = 1
      from victims v where r.org_id = ${org.orgId}::uuid and r.campaign_id = ${campaign.id}::uuid
        and r.person_id = v.person_id
      returning r.person_id`);
    const dead = (crashed as unknown as { rows: Array<{ person_id: string }> }).rows.map(
      (r) => r.person_id,
    );
    await w.t.app.db.execute(sql`update jobs set state = 'running', attempts = 1,
        locked_by = 'dead-instance', locked_until = ${new Date(w.clock.now.getTime() + 1000).toISOString()}::timestamptz
      where key in (${sql.join(
        dead.map((id) => sql`${`mail:${campaign.id}:${id}`}`),
        sql`, `,
      )})`);

    // A fresh start: two runners at once, after the dead one's lease ran out.
    w.clock.now = new Date(w.clock.now.getTime() + 30 * MINUTE);
    await Promise.all([
      w.runner(w.clock.now, 'fresh-a').runDue(),
      w.runner(w.clock.now, 'fresh-b').runDue(),
    ]);
    await w.deliver();

    for (const person of people) {
      const expected = dead.includes(person.id) ? 0 : 1;
      expect({ person: person.firstName, mails: mailsTo(person.emails[0]!.email).length }).toEqual({
        person: person.firstName,
        mails: expected,
      });
    }
    const done = await get(org, campaign);
    expect(done).toMatchObject({ state: 'done', totals: { sent: 10, unknown: 2, total: 12 } });
  });

  it('a batch that died in the middle: its sent persons stay sent, the one being handed over is unknown, the rest get one mail each', async () => {
    const { org } = await yogaClub();
    const people = await consentingPeople(org, 'B', 12);
    // 360 a minute: batches of six, a second apart.
    const campaign = await createCampaign(org, { ratePerMinute: 360 });
    await send(org, campaign);
    const jobs = await jobsOf(campaign);
    expect(jobs.map((j) => j.personIds.length)).toEqual([6, 6]);
    await w.deliver();
    expect(w.smtp.received).toHaveLength(6);

    // The second batch's instance died after two messages, while handing over two more.
    const second = jobs[1]!;
    const [sentBefore, handedOver, left] = [
      second.personIds.slice(0, 2),
      second.personIds.slice(2, 4),
      second.personIds.slice(4),
    ];
    await setStates(campaign, sentBefore, 'sent');
    await setStates(campaign, handedOver, 'sending');
    await w.t.app.db.execute(sql`update jobs set state = 'running', attempts = 1,
        locked_by = 'dead-instance', locked_until = ${new Date(w.clock.now.getTime() + 2000).toISOString()}::timestamptz
      where id = ${second.id}::uuid`);

    w.clock.now = new Date(w.clock.now.getTime() + 30 * MINUTE);
    await Promise.all([
      w.runner(w.clock.now, 'fresh-a').runDue(),
      w.runner(w.clock.now, 'fresh-b').runDue(),
    ]);
    await w.deliver();
    for (const person of people) {
      const none = sentBefore.includes(person.id) || handedOver.includes(person.id);
      expect({ person: person.firstName, mails: mailsTo(person.emails[0]!.email).length }).toEqual({
        person: person.firstName,
        mails: none ? 0 : 1,
      });
    }
    expect(left).toHaveLength(2);
    expect(await get(org, campaign)).toMatchObject({
      state: 'done',
      totals: { sent: 10, unknown: 2, total: 12 },
    });
  });

  it('resume leaves the persons of a batch still running to it: no second job takes turns at them', async () => {
    const { org } = await yogaClub();
    const people = await consentingPeople(org, 'R', 12);
    const campaign = await createCampaign(org, { ratePerMinute: 360 });
    const started = await send(org, campaign);
    await w.deliver();
    expect(w.smtp.received).toHaveLength(6);
    // The second batch is running on another instance (its first message gone) as the
    // campaign pauses and resumes.
    const second = (await jobsOf(campaign))[1]!;
    await setStates(campaign, second.personIds.slice(0, 1), 'sent');
    await w.t.app.db.execute(sql`update jobs set state = 'running', attempts = 1,
        locked_by = 'other-instance', locked_until = ${new Date(w.clock.now.getTime() + 10 * MINUTE).toISOString()}::timestamptz
      where id = ${second.id}::uuid`);
    const paused = await ok<Campaign>(org.owner, 'POST', `/api/campaigns/${campaign.id}/pause`, {
      version: started.version,
    });
    await ok(org.owner, 'POST', `/api/campaigns/${campaign.id}/resume`, {
      version: paused.version,
    });
    expect(await jobsOf(campaign)).toHaveLength(2);

    // That instance dies; its batch is taken up after the lease and sends the other five.
    await w.deliver(new Date(w.clock.now.getTime() + 30 * MINUTE));
    for (const person of people.slice(0, 12)) {
      const expected = person.id === second.personIds[0] ? 0 : 1;
      expect(mailsTo(person.emails[0]!.email)).toHaveLength(expected);
    }
    expect(await get(org, campaign)).toMatchObject({
      state: 'done',
      totals: { sent: 12, unknown: 0, total: 12 },
    });
  });

  it('an SMS campaign: texts filled in as plain text, never sent in the quiet hours on the club clock', async () => {
    const org = await createOrg(w.t.app, { name: 'Friskis Väst', timezone: 'Europe/Stockholm' });
    await w.t.app.db.execute(sql`insert into sms_settings (org_id, url, quiet_from, quiet_to)
      values (${org.orgId}::uuid, 'https://gateway.example/send', '21:00', '08:00')`);
    await addPerson(org, { firstName: 'Łucja', phone: '+46701111111', consentSms: true });
    await addPerson(org, { firstName: 'Юрий', phone: '+46702222222', consentSms: true });
    await addPerson(org, { firstName: 'NoConsent', phone: '+46703333333' });
    // 21:30 in Stockholm (UTC+1 in March): quiet until 08:00 there, 07:00 UTC.
    w.clock.now = new Date('2026-03-02T20:30:00Z');
    const campaign = await ok<Campaign>(org.owner, 'POST', '/api/campaigns', {
      name: 'Reminder',
      channel: 'sms',
      smsText: 'Hej {{ firstName | vän }}! Välkommen till {{clubName}}.',
      ratePerMinute: 60,
    });
    const started = await send(org, campaign);
    expect(started.audienceCounts).toMatchObject({ matched: 3, noConsent: 1, reachable: 2 });
    const runAts = await w.t.app.db.execute(sql`select run_at from jobs
      where kind = 'mailing.deliver' and payload ->> 'campaignId' = ${campaign.id} order by run_at`);
    expect(
      (runAts as unknown as { rows: Array<{ run_at: string | Date }> }).rows.map((r) =>
        new Date(r.run_at).toISOString(),
      ),
    ).toEqual(['2026-03-03T07:00:00.000Z', '2026-03-03T07:00:01.000Z']);
    await w.deliver(new Date('2026-03-02T23:00:00Z'));
    expect(w.sms.sent).toHaveLength(0);

    await w.deliver(new Date('2026-03-03T07:00:05Z'));
    expect(w.sms.sent.map((m) => [m.to, m.text]).sort()).toEqual([
      ['+46701111111', 'Hej Łucja! Välkommen till Friskis Väst.'],
      ['+46702222222', 'Hej Юрий! Välkommen till Friskis Väst.'],
    ]);
    expect(await get(org, campaign)).toMatchObject({ state: 'done', totals: { sent: 2 } });
  });

  it('an SMS whose turn falls in quiet hours set after queuing waits for their end without using an attempt', async () => {
    const org = await createOrg(w.t.app, { timezone: 'Europe/Stockholm' });
    await w.t.app.db.execute(sql`insert into sms_settings (org_id, url)
      values (${org.orgId}::uuid, 'https://gateway.example/send')`);
    await addPerson(org, { firstName: 'A', phone: '+46701111112', consentSms: true });
    await addPerson(org, { firstName: 'B', phone: '+46701111113', consentSms: true });
    w.clock.now = new Date('2026-03-02T19:59:00Z');
    const campaign = await ok<Campaign>(org.owner, 'POST', '/api/campaigns', {
      name: 'Evening',
      channel: 'sms',
      smsText: 'Hej {{firstName}}',
      ratePerMinute: 1,
    });
    await send(org, campaign);
    await w.deliver();
    expect(w.sms.sent).toHaveLength(1);
    await w.t.app.db.execute(sql`update sms_settings set quiet_from = '21:00', quiet_to = '08:00'
      where org_id = ${org.orgId}::uuid`);
    await w.deliver(new Date('2026-03-02T20:05:00Z'));
    expect(w.sms.sent).toHaveLength(1);
    const job = await w.t.app.db.execute(sql`select run_at, attempts, state from jobs
      where kind = 'mailing.deliver' and payload ->> 'campaignId' = ${campaign.id} and state = 'queued'`);
    const row = (job as unknown as { rows: Array<{ run_at: string | Date; attempts: number }> })
      .rows[0]!;
    expect(new Date(row.run_at).toISOString()).toBe('2026-03-03T07:00:00.000Z');
    expect(row.attempts).toBe(0);
    await w.deliver(new Date('2026-03-03T07:00:00Z'));
    expect(w.sms.sent).toHaveLength(2);
  });

  it('another organization can neither read, change, send nor count into a campaign (404)', async () => {
    const { org } = await yogaClub();
    const other = await createOrg(w.t.app);
    const campaign = await createCampaign(org, {});
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'x', version: campaign.version }],
      ['DELETE', '', undefined],
      ['POST', '/send', { at: null, version: campaign.version }],
      ['POST', '/pause', { version: campaign.version }],
      ['POST', '/resume', { version: campaign.version }],
      ['POST', '/cancel', { version: campaign.version }],
      ['POST', '/test', { to: 'me@example.test', personId: null }],
      ['GET', '/recipients', undefined],
    ] as const) {
      const res = await other.owner.request(method, `/api/campaigns/${campaign.id}${path}`, body);
      expect({ route: `${method} ${path}`, status: res.statusCode }).toEqual({
        route: `${method} ${path}`,
        status: 404,
      });
    }
    const list = await ok<{ items: Campaign[] }>(other.owner, 'GET', '/api/campaigns');
    expect(list.items.map((c) => c.id)).not.toContain(campaign.id);
    expect(await get(org, campaign)).toEqual(campaign);
  });
});
