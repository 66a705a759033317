import { generateKeyPairSync } from 'node:crypto';
import type { MailSettings } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
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

describe('sending settings', () => {
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
    smtp.login = null;
    smtp.refuse.clear();
  });

  const settings = (over: Record<string, unknown> = {}) => ({
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecurity: 'none',
    smtpUser: 'club',
    smtpPassword: 'S3cret-smtp-pass',
    fromName: 'Friskis Gym',
    fromAddress: 'info@friskis.example',
    replyTo: 'reception@friskis.example',
    postalAddress: 'Storgatan 1, 111 22 Stockholm',
    dkimDomain: null,
    dkimSelector: null,
    version: 0,
    ...over,
  });

  const save = (org: TestOrg, body: Record<string, unknown>) =>
    org.owner.request('PUT', '/api/mail-settings', body);

  it('starts unconfigured, saves, never returns the password, and keeps it sealed in the database', async () => {
    const org = await createOrg(t.app);
    const before = await ok<MailSettings>(org.owner, 'GET', '/api/mail-settings');
    expect(before).toMatchObject({ configured: false, version: 0, hasPassword: false });

    const res = await save(org, settings());
    expect(res.statusCode).toBe(200);
    const saved = res.json<MailSettings>();
    expect(saved).toMatchObject({
      configured: true,
      hasPassword: true,
      smtpUser: 'club',
      version: 1,
    });
    expect(JSON.stringify(saved)).not.toContain('S3cret');
    expect(JSON.stringify(await ok(org.owner, 'GET', '/api/mail-settings'))).not.toContain(
      'S3cret',
    );

    const rows = await t.app.db.execute<{ sealed: string }>(
      sql`select smtp_password_sealed as sealed from mail_settings where org_id = ${org.orgId}`,
    );
    const sealed = (rows as unknown as { rows: Array<{ sealed: string }> }).rows[0]!.sealed;
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('S3cret');

    // Saving without a password keeps it; a stale version is refused.
    const again = await save(
      org,
      settings({ smtpPassword: undefined, fromName: 'Friskis', version: 1 }),
    );
    expect(again.json<MailSettings>()).toMatchObject({
      hasPassword: true,
      fromName: 'Friskis',
      version: 2,
    });
    expect((await save(org, settings({ version: 1 }))).statusCode).toBe(409);
    const cleared = await save(org, settings({ smtpPassword: null, version: 2 }));
    expect(cleared.json<MailSettings>().hasPassword).toBe(false);
  });

  it('sends a test mail through the SMTP server with the login and answers what the server said', async () => {
    const org = await createOrg(t.app, { name: 'Friskis Gym' });
    smtp.login = { user: 'club', pass: 'S3cret-smtp-pass' };
    expect((await save(org, settings())).statusCode).toBe(200);

    const res = await org.owner.request('POST', '/api/mail-settings/test', {
      to: 'Åsa@Example.se',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: ['åsa@example.se'] });
    expect(res.json<{ response: string }>().response).toContain('Queued as TEST123');

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.user).toBe('club');
    expect(mail.to).toEqual(['åsa@example.se']);
    expect(mail.parsed.from?.value[0]).toMatchObject({
      name: 'Friskis Gym',
      address: 'info@friskis.example',
    });
    expect(mail.parsed.replyTo?.value[0]?.address).toBe('reception@friskis.example');
    expect(mail.parsed.text).toContain('Storgatan 1, 111 22 Stockholm');
  });

  it('answers 422 smtp_failed with the server reply when the login or the recipient is refused', async () => {
    const org = await createOrg(t.app);
    smtp.login = { user: 'club', pass: 'another password' };
    await save(org, settings());
    const badLogin = await org.owner.request('POST', '/api/mail-settings/test', {
      to: 'lena@example.se',
    });
    expect(badLogin.statusCode).toBe(422);
    expect(badLogin.json()).toMatchObject({ code: 'smtp_failed' });
    expect(badLogin.json<{ params: { response: string } }>().params.response).toMatch(/535/);

    smtp.login = null;
    smtp.refuse.add('nobody@example.se');
    const refused = await org.owner.request('POST', '/api/mail-settings/test', {
      to: 'nobody@example.se',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ params: { response: string } }>().params.response).toMatch(/550/);
    expect(smtp.received).toHaveLength(0);
  });

  it('signs with DKIM when a key is stored', async () => {
    const org = await createOrg(t.app);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const res = await save(
      org,
      settings({ dkimDomain: 'friskis.example', dkimSelector: 'spotter', dkimPrivateKey: pem }),
    );
    expect(res.json<MailSettings>()).toMatchObject({ hasDkimKey: true, dkimSelector: 'spotter' });
    expect(JSON.stringify(res.json())).not.toContain('PRIVATE KEY');
    await ok(org.owner, 'POST', '/api/mail-settings/test', { to: 'lena@example.se' });
    const signature = /^DKIM-Signature: ([\s\S]*?)\r\n(?=\S)/m.exec(smtp.received[0]!.raw)?.[1];
    expect(signature).toMatch(/\bd=friskis\.example;/);
    expect(signature).toMatch(/\bs=spotter;/);
    expect(signature).toMatch(/\bb=[A-Za-z0-9+/=\s]{100,}/);
  });

  it('refuses a private SMTP host unless it is allowed, and unreachable servers fail with a reason', async () => {
    const strict = await createTestApp();
    try {
      const org = await createOrg(strict.app);
      await org.owner.request('PUT', '/api/mail-settings', settings());
      const res = await org.owner.request('POST', '/api/mail-settings/test', {
        to: 'lena@example.se',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<{ message: string }>().message).toMatch(/private or reserved address/);
      expect(smtp.received).toHaveLength(0);
    } finally {
      await strict.close();
    }
    const org = await createOrg(t.app);
    await save(org, settings({ smtpPort: 1 }));
    const closed = await org.owner.request('POST', '/api/mail-settings/test', {
      to: 'lena@example.se',
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json()).toMatchObject({ code: 'smtp_failed' });
  });

  it('validates each field and says which', async () => {
    const org = await createOrg(t.app);
    const res = await save(
      org,
      settings({
        smtpHost: 'smtp server',
        smtpPort: 70000,
        fromAddress: 'not-an-address',
        dkimDomain: 'friskis.example',
        dkimSelector: null,
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json<{ fields: Record<string, string> }>().fields).sort()).toEqual([
      'dkimSelector',
      'fromAddress',
      'smtpHost',
      'smtpPort',
    ]);
    const test = await org.owner.request('POST', '/api/mail-settings/test', { to: 'x@example.se' });
    expect(test.statusCode).toBe(422);
    expect(test.json()).toMatchObject({ code: 'mail_not_configured' });
  });

  it('is for owners and admins only, and each organization sees its own', async () => {
    const org = await createOrg(t.app);
    await save(org, settings());
    for (const role of ['manager', 'reception'] as const) {
      const staff = (await createStaff(t.app, org, role)).client;
      expect((await staff.request('GET', '/api/mail-settings')).statusCode).toBe(403);
      expect((await staff.request('PUT', '/api/mail-settings', settings())).statusCode).toBe(403);
      expect(
        (await staff.request('POST', '/api/mail-settings/test', { to: 'a@example.se' })).statusCode,
      ).toBe(403);
    }
    const other = await createOrg(t.app);
    const theirs = await ok<MailSettings>(other.owner, 'GET', '/api/mail-settings');
    expect(theirs.configured).toBe(false);
    const test = await other.owner.request('POST', '/api/mail-settings/test', {
      to: 'a@example.se',
    });
    expect(test.json()).toMatchObject({ code: 'mail_not_configured' });
  });
});
