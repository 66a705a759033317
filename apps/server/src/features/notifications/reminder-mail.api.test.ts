import type { Me, Person } from '@spotter/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client.ts';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { runDueJobs } from '../jobs/index.ts';
import { TestSmtp } from '../mailing/mailing.test-setup.ts';
import { runReminderSweep } from '../tasks/index.ts';
import { at, insertTask, MINUTE } from './notifications.fixtures.ts';
import { reminderMailJobs } from './reminder-mail.ts';

const T = new Date('2026-03-10T09:00:00.000Z');

describe('task reminders by email (M-3, T-10)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const clock = { now: T };
  beforeAll(async () => {
    t = await createTestApp({
      now: () => clock.now,
      config: { smtpAllowHosts: ['127.0.0.1'], publicUrl: 'https://crm.friskis.example' },
    });
    smtp = await new TestSmtp().start();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    clock.now = T;
  });

  const configure = (org: TestOrg) =>
    ok(org.owner, 'PUT', '/api/mail-settings', {
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      smtpUser: null,
      fromName: 'Friskis Gym',
      fromAddress: 'info@friskis.example',
      replyTo: null,
      postalAddress: null,
      dkimDomain: null,
      dkimSelector: null,
      version: 0,
    });

  /** The sweep fires due reminders at `now`; then every job due is run, twice over. */
  async function fire(now: Date) {
    clock.now = now;
    await runReminderSweep(t.app.db as Db, now);
    const jobs = reminderMailJobs(t.app);
    await runDueJobs(t.app.db, { jobs, now: () => now });
    await runDueJobs(t.app.db, { jobs, now: () => now });
  }

  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  it('the setting is the user’s own: off by default, switched on through PATCH /api/me', async () => {
    const org = await createOrg(t.app);
    expect(org.me.user.emailReminders).toBe(false);
    const me = await ok<Me>(org.owner, 'PATCH', '/api/me', { emailReminders: true });
    expect(me.user.emailReminders).toBe(true);
    expect((await ok<Me>(org.owner, 'GET', '/api/me')).user.emailReminders).toBe(true);
    const bad = await org.owner.request('PATCH', '/api/me', { emailReminders: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ fieldCodes: { emailReminders: expect.any(String) } });
  });

  it('chosen: one mail per reminder with the task, the person, the due time on the club clock and a link', async () => {
    const org = await createOrg(t.app, {
      name: 'Friskis',
      locale: 'sv',
      timezone: 'Europe/Stockholm',
    });
    await configure(org);
    const sales = await createStaff(t.app, org, 'sales');
    await ok(sales.client, 'PATCH', '/api/me', { emailReminders: true, locale: 'en' });
    const { person } = await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
      firstName: 'Olle',
      lastName: 'Ek',
    });
    const taskId = await insertTask(t.app.db, {
      orgId: org.orgId,
      assigneeId: sales.id,
      contactId: person.id,
      dueAt: at(T, 60 * MINUTE),
      remindAt: at(T, MINUTE),
      comment: 'Ask about the autumn card',
    });

    await fire(at(T, 30_000));
    expect(mailsTo(sales.email)).toHaveLength(0);

    await fire(at(T, 61_000));
    const mails = await vi.waitFor(() => {
      const got = mailsTo(sales.email);
      expect(got).toHaveLength(1);
      return got;
    });
    const mail = mails[0]!.parsed;
    expect(mail.subject).toBe('Reminder: Personal call');
    expect(mail.from?.value[0]?.address).toBe('info@friskis.example');
    expect(mail.text).toContain('Client: Olle Ek');
    // 10:00 UTC is 11:00 in Stockholm in March.
    expect(mail.text).toMatch(/Due: Tuesday, March 10, 2026 at 11:00\s?AM/);
    expect(mail.text).toContain('Ask about the autumn card');
    expect(mail.text).toContain(`https://crm.friskis.example/tasks/${taskId}`);

    // Sweeping and running the jobs again sends nothing more.
    await fire(at(T, 5 * MINUTE));
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(sales.email)).toHaveLength(1);
  });

  it('not chosen: the in-app reminder only, no mail', async () => {
    const org = await createOrg(t.app);
    await configure(org);
    const sales = await createStaff(t.app, org, 'sales');
    await insertTask(t.app.db, { orgId: org.orgId, assigneeId: sales.id, remindAt: at(T, MINUTE) });
    await fire(at(T, 2 * MINUTE));
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(sales.email)).toHaveLength(0);
  });

  it('chosen, but the club has no sending settings: no mail and no failure left behind', async () => {
    const org = await createOrg(t.app);
    const me = await ok<Me>(org.owner, 'PATCH', '/api/me', { emailReminders: true });
    expect(me.user.emailReminders).toBe(true);
    await insertTask(t.app.db, {
      orgId: org.orgId,
      assigneeId: org.ownerId,
      remindAt: at(T, MINUTE),
    });
    await fire(at(T, 2 * MINUTE));
    expect(mailsTo(org.ownerEmail)).toHaveLength(0);
  });
});
