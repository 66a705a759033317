import { DEFAULT_CRM_ROLES, type CrmSettings, type Me, type Person } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp } from '../../../test/test-app.ts';
import { assertResponsibleRole, responsibleRoles } from './index.ts';

const t = useTestApp();

const settings = (org: { owner: Parameters<typeof ok>[0] }) =>
  ok<CrmSettings>(org.owner, 'GET', '/api/settings/crm');

describe('CRM roles (U-2)', () => {
  it('lets every role but instructors use the CRM and be responsible by default', async () => {
    const org = await createOrg(t.app);
    const s = await settings(org);
    expect(s.crmRoles).toEqual(['owner', 'admin', 'manager', 'sales', 'reception']);
    expect(s.responsibleRoles).toEqual(s.crmRoles);
    expect(await responsibleRoles(t.database.db, org.orgId)).toEqual([...DEFAULT_CRM_ROLES]);
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', '/api/persons')).statusCode).toBe(403);
  });

  it('shuts a role out of the CRM at once and lets it back in', async () => {
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    // Remembered by the session cache before the change.
    expect((await reception.client.request('GET', '/api/persons')).statusCode).toBe(200);

    const s = await settings(org);
    const saved = await ok<CrmSettings>(org.owner, 'PATCH', '/api/settings/crm', {
      crmRoles: ['owner', 'admin', 'manager', 'sales'],
      responsibleRoles: ['owner', 'admin', 'manager', 'sales'],
      version: s.version,
    });
    expect(saved.crmRoles).toEqual(['owner', 'admin', 'manager', 'sales']);

    for (const [method, url] of [
      ['GET', '/api/persons'],
      ['GET', '/api/tasks'],
      ['GET', '/api/groups'],
      ['GET', '/api/events'],
    ] as const) {
      const res = await reception.client.request(method, url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
    const create = await reception.client.request('POST', '/api/persons', { firstName: 'No' });
    expect(create.statusCode).toBe(403);
    // Still signed in: they see who they are, without CRM permissions.
    const me = await ok<Me>(reception.client, 'GET', '/api/me');
    expect(me.permissions.filter((p) => /^(contacts|tasks)\./.test(p))).toEqual([]);
    expect(me.permissions).toContain('branches.read');

    await ok(org.owner, 'PATCH', '/api/settings/crm', {
      crmRoles: ['owner', 'admin', 'manager', 'sales', 'reception'],
      version: saved.version,
    });
    expect((await reception.client.request('GET', '/api/persons')).statusCode).toBe(200);
  });

  it('lets instructors in as sales staff when chosen', async () => {
    const org = await createOrg(t.app);
    const instructor = await createStaff(t.app, org, 'instructor');
    await ok(org.owner, 'PATCH', '/api/settings/crm', {
      crmRoles: ['owner', 'admin', 'manager', 'sales', 'reception', 'instructor'],
      version: 0,
    });
    expect((await instructor.client.request('GET', '/api/persons')).statusCode).toBe(200);
    const me = await ok<Me>(instructor.client, 'GET', '/api/me');
    expect(me.permissions).toEqual(expect.arrayContaining(['contacts.read', 'tasks.write']));
    expect(me.permissions).not.toContain('contacts.admin');
    expect(me.permissions).not.toContain('settings.manage');
  });

  it('keeps owners and admins able to reopen the CRM they closed to themselves', async () => {
    const org = await createOrg(t.app);
    const saved = await ok<CrmSettings>(org.owner, 'PATCH', '/api/settings/crm', {
      crmRoles: ['sales'],
      responsibleRoles: ['sales'],
      version: 0,
    });
    expect((await org.owner.request('GET', '/api/persons')).statusCode).toBe(403);
    expect((await org.owner.request('GET', '/api/settings/crm')).statusCode).toBe(200);
    const back = await org.owner.request('PATCH', '/api/settings/crm', {
      crmRoles: ['owner', 'sales'],
      version: saved.version,
    });
    expect(back.statusCode).toBe(200);
    expect((await org.owner.request('GET', '/api/persons')).statusCode).toBe(200);
  });

  it('refuses responsible roles outside the CRM, and bad lists', async () => {
    const org = await createOrg(t.app);
    const outside = await org.owner.request('PATCH', '/api/settings/crm', {
      responsibleRoles: ['sales', 'instructor'],
      version: 0,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fieldCodes).toEqual({ responsibleRoles: 'not_allowed' });
    const shrink = await org.owner.request('PATCH', '/api/settings/crm', {
      crmRoles: ['owner'],
      version: 0,
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().fieldCodes).toEqual({ crmRoles: 'not_allowed' });
    const empty = await org.owner.request('PATCH', '/api/settings/crm', {
      crmRoles: [],
      responsibleRoles: ['owner', 'owner'],
      version: 0,
    });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fields).sort()).toEqual(['crmRoles', 'responsibleRoles']);
    expect((await settings(org)).version).toBe(0);
  });

  it('only lets owners and admins choose the roles', async () => {
    const org = await createOrg(t.app);
    const manager = await createStaff(t.app, org, 'manager');
    const res = await manager.client.request('PATCH', '/api/settings/crm', {
      crmRoles: ['manager'],
      version: 0,
    });
    expect(res.statusCode).toBe(403);
    expect((await settings(org)).crmRoles).toHaveLength(5);
  });

  it('refuses a responsible whose role may not be chosen (422) and New call leaves it empty', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const seller = await createStaff(t.app, org, 'sales');
    const reception = await createStaff(t.app, org, 'reception');
    await ok(org.owner, 'PATCH', '/api/settings/crm', { responsibleRoles: ['sales'], version: 0 });

    const refused = await org.owner.request('POST', '/api/persons', {
      firstName: 'Ann',
      responsibleId: reception.id,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'responsible_role',
      fieldCodes: { responsibleId: 'not_allowed' },
    });
    const accepted = await org.owner.request('POST', '/api/persons', {
      firstName: 'Ann',
      responsibleId: seller.id,
    });
    expect(accepted.statusCode).toBe(201);
    const person = accepted.json<{ person: Person }>().person;
    const bulk = await org.owner.request('POST', '/api/persons/bulk', {
      ids: [person.id],
      change: { action: 'setResponsible', responsibleId: reception.id },
    });
    expect(bulk.statusCode).toBe(422);
    expect(bulk.json().fieldCodes).toEqual({ 'change.responsibleId': 'not_allowed' });

    // The receptionist takes a call: they may not be responsible, so nobody is.
    const call = await ok<{ person: Person }>(reception.client, 'POST', '/api/persons', {
      firstName: 'Caller',
      intake: 'new_call',
    });
    expect(call.person.responsibleId).toBeNull();
    const sellerCall = await ok<{ person: Person }>(seller.client, 'POST', '/api/persons', {
      firstName: 'Caller two',
      intake: 'new_call',
    });
    expect(sellerCall.person.responsibleId).toBe(seller.id);

    // The other organization still has its defaults.
    expect((await settings(other)).responsibleRoles).toHaveLength(5);
    await expect(
      assertResponsibleRole(t.database.db, org.orgId, { role: 'reception' }, 'ownerId'),
    ).rejects.toMatchObject({ status: 422, fields: { ownerId: { code: 'not_allowed' } } });
    await expect(
      assertResponsibleRole(t.database.db, other.orgId, { role: 'reception' }),
    ).resolves.toBeUndefined();
  });
});
