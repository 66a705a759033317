import type { CrmSettings } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createOrg,
  createStaff,
  createTestApp,
  orgBody,
  sessionCookieOf,
  type TestApp,
} from '../../../test/test-app.ts';
import { getCrmSettings, getWorkingHours } from './index.ts';

describe('CRM settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('starts with 30 days in the trash and a phone region guessed from the timezone', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request('GET', '/api/settings/crm');
    expect(res.statusCode).toBe(200);
    expect(res.json<CrmSettings>()).toMatchObject({
      trashRetentionDays: 30,
      phoneRegion: 'SE',
      version: 0,
    });
    const warsaw = await createOrg(t.app, { timezone: 'Europe/Warsaw' });
    expect((await warsaw.owner.request('GET', '/api/settings/crm')).json().phoneRegion).toBe('PL');
    const ny = await createOrg(t.app, { timezone: 'America/New_York' });
    expect((await ny.owner.request('GET', '/api/settings/crm')).json().phoneRegion).toBeNull();
    // No known timezone: the organization's language decides.
    const body = orgBody({ timezone: 'Asia/Tokyo' });
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/signup',
      payload: { ...body, organization: { ...body.organization, locale: 'uk' } },
    });
    const uk = clientFor(t.app, sessionCookieOf(signup));
    expect((await uk.request('GET', '/api/settings/crm')).json().phoneRegion).toBe('UA');
  });

  it('saves with the version it was read at and refuses a stale one', async () => {
    const org = await createOrg(t.app);
    const first = await org.owner.request('PATCH', '/api/settings/crm', {
      trashRetentionDays: 90,
      phoneRegion: 'no',
      version: 0,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<CrmSettings>()).toMatchObject({
      trashRetentionDays: 90,
      phoneRegion: 'NO',
      version: 1,
    });
    expect(await getCrmSettings(t.database.db, org.orgId)).toEqual({
      trashRetentionDays: 90,
      phoneRegion: 'NO',
    });
    const stale = await org.owner.request('PATCH', '/api/settings/crm', {
      trashRetentionDays: 7,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const reset = await org.owner.request('PATCH', '/api/settings/crm', {
      phoneRegion: null,
      version: 1,
    });
    expect(reset.json<CrmSettings>()).toMatchObject({
      trashRetentionDays: 90,
      phoneRegion: 'SE',
      version: 2,
    });
    const tooStale = await org.owner.request('PATCH', '/api/settings/crm', {
      trashRetentionDays: 7,
      version: 1,
    });
    expect(tooStale.statusCode).toBe(409);
  });

  it('refuses nonsense', async () => {
    const org = await createOrg(t.app);
    for (const body of [
      { trashRetentionDays: 0, version: 0 },
      { phoneRegion: 'SWE', version: 0 },
      { trashRetentionDays: 30 },
      { version: 0, colour: 'red' },
    ]) {
      const res = await org.owner.request('PATCH', '/api/settings/crm', body);
      expect(res.statusCode).toBe(400);
    }
  });

  it('keeps the working day: 10:00 until set, an end only when given, after the start', async () => {
    const org = await createOrg(t.app);
    const read = () => org.owner.request('GET', '/api/settings/crm');
    expect((await read()).json<CrmSettings>()).toMatchObject({
      workdayStart: '10:00',
      workdayEnd: null,
    });
    const saved = await org.owner.request('PATCH', '/api/settings/crm', {
      workdayStart: '08:30',
      workdayEnd: '21:00',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<CrmSettings>()).toMatchObject({ workdayStart: '08:30', workdayEnd: '21:00' });
    expect(await getWorkingHours(t.database.db, org.orgId)).toEqual({
      start: '08:30',
      end: '21:00',
    });
    // Each against the other's stored value too.
    for (const body of [
      { workdayEnd: '08:30' },
      { workdayEnd: '07:00' },
      { workdayStart: '21:30' },
      { workdayStart: '12:00', workdayEnd: '11:59' },
    ]) {
      const res = await org.owner.request('PATCH', '/api/settings/crm', { ...body, version: 1 });
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json().fieldCodes).toEqual({ workdayEnd: 'before_start' });
    }
    for (const workdayStart of ['24:00', '9:00', '10:60', '']) {
      const res = await org.owner.request('PATCH', '/api/settings/crm', {
        workdayStart,
        version: 1,
      });
      expect({ workdayStart, status: res.statusCode }).toEqual({ workdayStart, status: 400 });
    }
    const open = await org.owner.request('PATCH', '/api/settings/crm', {
      workdayStart: '22:00',
      workdayEnd: null,
      version: 1,
    });
    expect(open.json<CrmSettings>()).toMatchObject({ workdayStart: '22:00', workdayEnd: null });
    const staff = await createStaff(t.app, org, 'reception');
    const refused = await staff.client.request('PATCH', '/api/settings/crm', {
      workdayStart: '09:00',
      version: 2,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('keeps each organization’s settings to itself', async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    await a.owner.request('PATCH', '/api/settings/crm', { trashRetentionDays: 5, version: 0 });
    expect((await b.owner.request('GET', '/api/settings/crm')).json()).toMatchObject({
      trashRetentionDays: 30,
      version: 0,
    });
  });
});
