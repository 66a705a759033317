import type { Me, TwoStepSetup, TwoStepStatus, UserTwoStep } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  clientFor,
  createOrg,
  createStaff,
  ok,
  sessionCookieOf,
  useTestApp,
} from '../../../test/test-app.ts';
import { LOGIN_LIMITS, LoginLimiter } from '../auth/login-limiter.ts';
import { codeAt, codeStep, enrol, passwordStep, testClock } from './two-step.fixtures.ts';

const clock = testClock();
const t = useTestApp({
  now: () => clock.now,
  limiter: new LoginLimiter({ ...LOGIN_LIMITS, now: () => clock.now.getTime() }),
});

describe('two-step sign-in: setting it up', () => {
  it('shows a secret, its otpauth URI and QR code, and turns on only with a right first code', async () => {
    const org = await createOrg(t.app);
    const setup = await ok<TwoStepSetup>(org.owner, 'POST', '/api/me/two-step/setup');
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Spotter:/);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.otpauthUri).toContain(encodeURIComponent(org.ownerEmail));
    expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const before = await ok<TwoStepStatus>(org.owner, 'GET', '/api/me/two-step');
    expect(before.enabled).toBe(false);

    const wrong = await org.owner.request('POST', '/api/me/two-step/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'wrong_code', fieldCodes: { code: 'code_wrong' } });

    const confirmed = await org.owner.request('POST', '/api/me/two-step/confirm', {
      code: codeAt(setup.secret, clock.now),
    });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);

    const after = await ok<TwoStepStatus>(org.owner, 'GET', '/api/me/two-step');
    expect(after).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
    expect((await ok<Me>(org.owner, 'GET', '/api/me')).user.twoStepEnabled).toBe(true);
    // Setting up again while on is refused: turning it off comes first.
    const again = await org.owner.request('POST', '/api/me/two-step/setup');
    expect(again.json().code).toBe('two_step_enabled');
  });

  it('keeps the secret sealed and the recovery codes hashed in the database', async () => {
    const org = await createOrg(t.app);
    const { secret, recoveryCodes } = await enrol(org.owner, clock.now);
    const result = await t.database.db.execute(sql`
      select s.secret, s.pending_secret, r.code_hash
      from two_step_secrets s join two_step_recovery_codes r using (org_id, user_id)
      where s.org_id = ${org.orgId}`);
    const { rows } = result as unknown as { rows: unknown[] };
    const dump = JSON.stringify(rows);
    expect(rows).toHaveLength(10);
    expect(dump).not.toContain(secret);
    for (const code of recoveryCodes) expect(dump).not.toContain(code);
  });
});

describe('two-step sign-in: logging in', () => {
  it('asks for a code after the password, with no session until the code is right', async () => {
    const org = await createOrg(t.app);
    const { secret } = await enrol(org.owner, clock.now);
    clock.step();

    const { res, challenge } = await passwordStep(t.app, org.ownerEmail);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ twoStepRequired: true });
    expect(res.cookies.find((c) => c.name === 'spotter_session')).toBeUndefined();
    expect(challenge).toBeDefined();
    // The login cookie is not a session.
    const asSession = await clientFor(t.app, challenge!).request('GET', '/api/me');
    expect(asSession.statusCode).toBe(401);

    const wrong = await codeStep(t.app, challenge, '123456');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fieldCodes).toEqual({ code: 'code_wrong' });

    const done = await codeStep(t.app, challenge, codeAt(secret, clock.now));
    expect(done.statusCode).toBe(200);
    expect(done.json<Me>().user.id).toBe(org.ownerId);
    const me = await clientFor(t.app, sessionCookieOf(done)).request('GET', '/api/me');
    expect(me.statusCode).toBe(200);
    // The challenge opened one session: it is gone.
    const replay = await codeStep(t.app, challenge, codeAt(secret, clock.now));
    expect(replay.json().code).toBe('login_expired');
  });

  it('takes a code one step either side of now, never the same code twice', async () => {
    const org = await createOrg(t.app);
    const { secret } = await enrol(org.owner, clock.now);
    clock.step(10);

    const first = await passwordStep(t.app, org.ownerEmail);
    const early = new Date(clock.now.getTime() - 30_000);
    expect((await codeStep(t.app, first.challenge, codeAt(secret, early))).statusCode).toBe(200);

    // The same code again, still inside the window: refused.
    const second = await passwordStep(t.app, org.ownerEmail);
    const reused = await codeStep(t.app, second.challenge, codeAt(secret, early));
    expect(reused.statusCode).toBe(400);
    // Two steps ahead is outside the window.
    const far = new Date(clock.now.getTime() + 60_000);
    expect((await codeStep(t.app, second.challenge, codeAt(secret, far))).statusCode).toBe(400);
    const late = new Date(clock.now.getTime() + 30_000);
    expect((await codeStep(t.app, second.challenge, codeAt(secret, late))).statusCode).toBe(200);
    // A code older than the last one taken no longer opens anything either.
    const third = await passwordStep(t.app, org.ownerEmail);
    expect((await codeStep(t.app, third.challenge, codeAt(secret, clock.now))).statusCode).toBe(
      400,
    );
  });

  it('takes each recovery code once, and says how many are left', async () => {
    const org = await createOrg(t.app);
    const { recoveryCodes } = await enrol(org.owner, clock.now);
    const code = recoveryCodes[3]!;

    const first = await passwordStep(t.app, org.ownerEmail);
    // Typed in capitals with spaces instead of dashes still counts.
    const typed = code.toUpperCase().replace(/-/g, ' ');
    const used = await codeStep(t.app, first.challenge, typed);
    expect(used.statusCode).toBe(200);
    const client = clientFor(t.app, sessionCookieOf(used));
    expect((await ok<TwoStepStatus>(client, 'GET', '/api/me/two-step')).recoveryCodesLeft).toBe(9);

    const second = await passwordStep(t.app, org.ownerEmail);
    const again = await codeStep(t.app, second.challenge, code);
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('wrong_code');
    const other = await codeStep(t.app, second.challenge, recoveryCodes[4]!);
    expect(other.statusCode).toBe(200);
  });

  it('limits wrong codes: a few per password step, then growing waits per address', async () => {
    const org = await createOrg(t.app);
    const { secret } = await enrol(org.owner, clock.now);
    clock.step();

    expect((await codeStep(t.app, undefined, '123456')).json().code).toBe('login_expired');
    const { challenge } = await passwordStep(t.app, org.ownerEmail);
    for (let i = 0; i < 5; i++) {
      expect((await codeStep(t.app, challenge, '000000')).statusCode).toBe(400);
    }
    // Five wrong codes used this password step up, even for the right code.
    const spent = await codeStep(t.app, challenge, codeAt(secret, clock.now));
    expect(spent.statusCode).toBe(401);
    expect(spent.json().code).toBe('login_expired');

    const next = await passwordStep(t.app, org.ownerEmail);
    const limited = await codeStep(t.app, next.challenge, codeAt(secret, clock.now));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Once the wait is over, the right code gets in.
    clock.step();
    const later = await codeStep(t.app, next.challenge, codeAt(secret, clock.now));
    expect(later.statusCode).toBe(200);
  });

  it('an expired login asks for the password again', async () => {
    const org = await createOrg(t.app);
    const { secret } = await enrol(org.owner, clock.now);
    clock.step();
    const { challenge } = await passwordStep(t.app, org.ownerEmail);
    await t.database.db.execute(
      sql`update login_challenges set expires_at = now() - interval '1 second' where org_id = ${org.orgId}`,
    );
    const res = await codeStep(t.app, challenge, codeAt(secret, clock.now));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('login_expired');
  });
});

describe('two-step sign-in: turning it off and new recovery codes', () => {
  it('needs the password or a current code', async () => {
    const org = await createOrg(t.app);
    const { secret } = await enrol(org.owner, clock.now);
    clock.step();

    const none = await org.owner.request('POST', '/api/me/two-step/disable', {});
    expect(none.statusCode).toBe(400);
    expect(none.json().fieldCodes).toEqual({ password: 'required' });
    const wrongPassword = await org.owner.request('POST', '/api/me/two-step/disable', {
      password: 'not-my-password',
    });
    expect(wrongPassword.json()).toMatchObject({ fieldCodes: { password: 'password_wrong' } });
    const wrongCode = await org.owner.request('POST', '/api/me/two-step/disable', {
      code: '999999',
    });
    expect(wrongCode.json()).toMatchObject({ fieldCodes: { code: 'code_wrong' } });

    const renewed = await org.owner.request('POST', '/api/me/two-step/recovery-codes', {
      code: codeAt(secret, clock.now),
    });
    expect(renewed.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);

    clock.step();
    const off = await org.owner.request('POST', '/api/me/two-step/disable', {
      code: codeAt(secret, clock.now),
    });
    expect(off.statusCode).toBe(200);
    // One step again: the password alone signs in.
    const { res } = await passwordStep(t.app, org.ownerEmail);
    expect(res.json<Me>().user.id).toBe(org.ownerId);
  });
});

describe('two-step sign-in: required for owners and admins', () => {
  it('only an owner may require it', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    const { version } = await ok<{ version: number }>(org.owner, 'GET', '/api/organization');
    const byAdmin = await admin.client.request('PATCH', '/api/organization', {
      version,
      twoStepRequired: true,
    });
    expect(byAdmin.statusCode).toBe(403);
    const byOwner = await org.owner.request('PATCH', '/api/organization', {
      version,
      twoStepRequired: true,
    });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json().twoStepRequired).toBe(true);
  });

  it('sends an owner or admin without it to set it up first; others and API tokens carry on', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    const manager = await createStaff(t.app, org, 'manager');
    const { secret: token } = await ok<{ secret: string }>(org.owner, 'POST', '/api/api-tokens', {
      name: 'Booking system',
    });
    const { version } = await ok<{ version: number }>(org.owner, 'GET', '/api/organization');
    await ok(org.owner, 'PATCH', '/api/organization', { version, twoStepRequired: true });

    for (const client of [org.owner, admin.client]) {
      const refused = await client.request('GET', '/api/persons');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('two_step_setup_required');
      expect((await ok<Me>(client, 'GET', '/api/me')).user.twoStepSetupRequired).toBe(true);
    }
    expect((await manager.client.request('GET', '/api/persons')).statusCode).toBe(200);
    const byToken = await t.app.inject({
      method: 'GET',
      url: '/api/persons',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.statusCode).toBe(200);

    await enrol(admin.client, clock.now);
    expect((await admin.client.request('GET', '/api/persons')).statusCode).toBe(200);
    expect((await ok<Me>(admin.client, 'GET', '/api/me')).user.twoStepSetupRequired).toBe(false);
    // Required means it cannot be turned off.
    const off = await admin.client.request('POST', '/api/me/two-step/disable', {
      password: 'Rowing-Boat-Sunrise-42',
    });
    expect(off.statusCode).toBe(422);
    expect(off.json().code).toBe('two_step_required');
  });
});

describe('two-step sign-in: an admin resets it', () => {
  it('turns it off, ends the user’s sessions and records who did it', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    const manager = await createStaff(t.app, org, 'manager');
    clock.step();
    await enrol(manager.client, clock.now);
    clock.step();

    const reset = await admin.client.request('DELETE', `/api/users/${manager.id}/two-step`);
    expect(reset.statusCode).toBe(200);
    expect((await manager.client.request('GET', '/api/me')).statusCode).toBe(401);

    const seen = await ok<UserTwoStep>(admin.client, 'GET', `/api/users/${manager.id}/two-step`);
    expect(seen.enabled).toBe(false);
    expect(seen.events.map((e) => e.kind)).toEqual(['reset', 'enabled']);
    expect(seen.events[0]).toMatchObject({ actorId: admin.id, actorName: 'admin person' });
    // The manager signs in with the password alone again.
    const { res } = await passwordStep(t.app, manager.email);
    expect(res.json<Me>().user.id).toBe(manager.id);

    const again = await admin.client.request('DELETE', `/api/users/${manager.id}/two-step`);
    expect(again.json().code).toBe('two_step_not_enabled');
  });

  it('an admin cannot reset an owner or themselves; staff cannot reset anyone', async () => {
    const org = await createOrg(t.app);
    const admin = await createStaff(t.app, org, 'admin');
    const manager = await createStaff(t.app, org, 'manager');
    await enrol(org.owner, clock.now);
    await enrol(admin.client, clock.now);
    const owner = await admin.client.request('DELETE', `/api/users/${org.ownerId}/two-step`);
    expect(owner.statusCode).toBe(403);
    const self = await admin.client.request('DELETE', `/api/users/${admin.id}/two-step`);
    expect(self.json().code).toBe('self_change');
    const byManager = await manager.client.request('DELETE', `/api/users/${admin.id}/two-step`);
    expect(byManager.statusCode).toBe(403);
    // The owner may reset an admin.
    const byOwner = await org.owner.request('DELETE', `/api/users/${admin.id}/two-step`);
    expect(byOwner.statusCode).toBe(200);
  });

  it('another organization’s user is not found', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    await enrol(other.owner, clock.now);
    const read = await org.owner.request('GET', `/api/users/${other.ownerId}/two-step`);
    expect(read.statusCode).toBe(404);
    const reset = await org.owner.request('DELETE', `/api/users/${other.ownerId}/two-step`);
    expect(reset.statusCode).toBe(404);
    expect((await ok<TwoStepStatus>(other.owner, 'GET', '/api/me/two-step')).enabled).toBe(true);
  });
});
