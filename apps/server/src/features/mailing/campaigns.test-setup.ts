import type { Campaign, Person } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestApp, ok, type TestApp, type TestOrg } from '../../../test/test-app.ts';
import { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import { JobRunner, type JobDefinitions } from '../jobs/index.ts';
import { campaignJobs } from './campaign-delivery.ts';
import type { SmsSender } from './channel-sender.ts';
import { MailPool } from './mail-transport.ts';
import { TestSmtp } from './mailing.test-setup.ts';

/** What the fake SMS gateway was handed, and what it answers. */
export class FakeSms {
  readonly sent: Array<{ orgId: string; to: string; text: string }> = [];
  readonly sender: SmsSender = (_db, orgId, msg) => {
    this.sent.push({ orgId, ...msg });
    return Promise.resolve({ response: '200 queued' });
  };
}

/**
 * An app on a pinned clock (the app's own runner sees only what is due by it), a real SMTP
 * server, a recording SMS gateway, and `deliver(at)`: runs the campaign jobs due at `at`
 * with a runner of its own until none are left.
 */
export function useCampaignWorld() {
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  const sms = new FakeSms();
  const world = {} as {
    t: TestApp;
    smtp: TestSmtp;
    pool: MailPool;
    jobs: JobDefinitions;
  };
  beforeAll(async () => {
    world.smtp = await new TestSmtp().start();
    world.t = await createTestApp({
      config: { smtpAllowHosts: ['127.0.0.1'] },
      now: () => clock.now,
      smsSender: sms.sender,
    });
    world.pool = new MailPool({ allow: new AllowList(['127.0.0.1']) });
    world.jobs = campaignJobs({
      box: secretBoxFor(world.t.config.sessionSecret, 'mail settings'),
      sessionSecret: world.t.config.sessionSecret,
      pool: world.pool,
      sms: sms.sender,
    });
  });
  afterAll(async () => {
    world.pool.close();
    await world.t.close();
    await world.smtp.close();
  });
  beforeEach(() => {
    clock.now = new Date('2026-03-02T09:00:00Z');
    world.smtp.received.length = 0;
    world.smtp.refuse.clear();
    world.smtp.deferTimes.clear();
    sms.sent.length = 0;
  });

  /** A runner of the test's own whose clock is `at`. */
  const runner = (at: Date, workerId?: string) =>
    new JobRunner(world.t.app.db, { jobs: world.jobs, now: () => at, workerId, concurrency: 4 });

  return {
    clock,
    sms,
    get t() {
      return world.t;
    },
    get smtp() {
      return world.smtp;
    },
    runner,
    /**
     * Moves the clock to `at` (if given) and runs the campaign jobs due by then until none is
     * left running or due. The app's own runner (same clock) may take some of them: either
     * way each runs once.
     */
    async deliver(at?: Date) {
      if (at) clock.now = at;
      for (let i = 0; i < 200; i++) {
        await runner(clock.now).runDue();
        const rows = await world.t.app.db.execute(sql`select count(*)::int as n from jobs
          where kind like 'mailing.%' and (state = 'running'
            or (state = 'queued' and run_at <= ${clock.now.toISOString()}::timestamptz))`);
        if (Number((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('campaign jobs did not settle');
    },
  };
}

export async function configureMail(org: TestOrg, smtp: TestSmtp) {
  await ok(org.owner, 'PUT', '/api/mail-settings', {
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecurity: 'none',
    smtpUser: null,
    fromName: 'Friskis Gym',
    fromAddress: 'info@friskis.example',
    replyTo: null,
    postalAddress: 'Storgatan 1, 111 22 Stockholm',
    dkimDomain: null,
    dkimSelector: null,
    version: 0,
  });
}

export async function addPerson(
  org: TestOrg,
  p: {
    firstName: string;
    email?: string;
    phone?: string;
    consentEmail?: boolean;
    consentSms?: boolean;
    tagIds?: string[];
  },
): Promise<Person> {
  const res = await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
    firstName: p.firstName,
    lastName: 'Test',
    ...(p.email && { emails: [{ email: p.email }] }),
    ...(p.phone && { phones: [{ number: p.phone, label: 'mobile' }] }),
    ...(p.consentEmail !== undefined && { consentEmail: { granted: p.consentEmail } }),
    ...(p.consentSms !== undefined && { consentSms: { granted: p.consentSms } }),
    ...(p.tagIds && { tagIds: p.tagIds }),
  });
  return res.person;
}

export const comeBack = [
  {
    locale: 'sv' as const,
    subject: 'Välkommen tillbaka, {{ firstName | vän }}!',
    body: 'Hej {{firstName}},\n\nFörsta månaden **halva priset** på {{ clubName }}.',
  },
  {
    locale: 'en' as const,
    subject: 'Come back, {{ firstName | friend }}!',
    body: 'Hi {{firstName}}, the first month is **half price** at {{ clubName }}.',
  },
];

export async function createCampaign(org: TestOrg, body: Record<string, unknown>) {
  return ok<Campaign>(org.owner, 'POST', '/api/campaigns', {
    name: 'Come back in January',
    channel: 'email',
    variants: comeBack,
    ...body,
  });
}
