import type { Group, GroupDeleteResult, GroupTree } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import {
  groupExists,
  groupRefs,
  managedGroupIds,
  memberGroupIds,
  registerGroupUsage,
} from './index.ts';

const t = useTestApp();

const create = (org: TestOrg, body: Record<string, unknown>) =>
  ok<Group>(org.owner, 'POST', '/api/groups', body);

async function tree(org: TestOrg, includeArchived = false) {
  const url = `/api/groups${includeArchived ? '?includeArchived=true' : ''}`;
  return (await ok<GroupTree>(org.owner, 'GET', url)).items;
}

describe('groups', () => {
  it('lists the tree depth first, siblings by name, with members', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const chain = await create(org, { name: 'Sales', type: 'sales' });
    await create(org, { name: 'South', type: 'sales', parentId: chain.id });
    const north = await create(org, {
      name: 'North',
      type: 'sales',
      parentId: chain.id,
      description: '  Stockholm and up  ',
      members: [
        { userId: sales.id, role: 'member' },
        { userId: org.ownerId, role: 'manager' },
      ],
    });
    await create(org, { name: 'Kiruna', parentId: north.id });
    await create(org, { name: 'Reception' });

    const items = await tree(org);
    expect(items.map((g) => [g.name, g.depth])).toEqual([
      ['Reception', 0],
      ['Sales', 0],
      ['North', 1],
      ['Kiruna', 2],
      ['South', 1],
    ]);
    const n = items.find((g) => g.id === north.id)!;
    expect(n).toMatchObject({ type: 'sales', description: 'Stockholm and up', parentId: chain.id });
    // Managers first.
    expect(n.members).toEqual([
      { userId: org.ownerId, role: 'manager' },
      { userId: sales.id, role: 'member' },
    ]);
    expect(items.find((g) => g.name === 'Reception')!.type).toBe('standard');
  });

  it('refuses a sibling with the same name but not a cousin', async () => {
    const org = await createOrg(t.app);
    const a = await create(org, { name: 'Region A' });
    const b = await create(org, { name: 'Region B' });
    await create(org, { name: 'Team', parentId: a.id });
    const dup = await org.owner.request('POST', '/api/groups', { name: 'TEAM', parentId: a.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'name_taken', fields: { name: expect.any(String) } });
    const topDup = await org.owner.request('POST', '/api/groups', { name: 'region a' });
    expect(topDup.statusCode).toBe(409);
    expect(
      (await org.owner.request('POST', '/api/groups', { name: 'Team', parentId: b.id })).statusCode,
    ).toBe(201);
  });

  it('says which field is wrong', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const theirs = await create(other, { name: 'Theirs' });
    const empty = await org.owner.request('POST', '/api/groups', { name: ' ', type: 'big' });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fields).sort()).toEqual(['name', 'type']);
    const foreignParent = await org.owner.request('POST', '/api/groups', {
      name: 'X',
      parentId: theirs.id,
    });
    expect(foreignParent.statusCode).toBe(400);
    expect(foreignParent.json().fieldCodes).toEqual({ parentId: 'unknown_reference' });
    const foreignMember = await org.owner.request('POST', '/api/groups', {
      name: 'X',
      members: [{ userId: other.ownerId, role: 'member' }],
    });
    expect(foreignMember.statusCode).toBe(400);
    expect(foreignMember.json().fieldCodes).toEqual({ 'members.0.userId': 'unknown_reference' });
    const twice = await org.owner.request('POST', '/api/groups', {
      name: 'X',
      members: [
        { userId: org.ownerId, role: 'member' },
        { userId: org.ownerId, role: 'manager' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields).toHaveProperty('members');
  });

  it('moves a group with its subtree and refuses a loop', async () => {
    const org = await createOrg(t.app);
    const top = await create(org, { name: 'Top' });
    const mid = await create(org, { name: 'Mid', parentId: top.id });
    const leaf = await create(org, { name: 'Leaf', parentId: mid.id });
    const other = await create(org, { name: 'Other' });

    for (const target of [top.id, mid.id, leaf.id]) {
      const res = await org.owner.request('PATCH', `/api/groups/${top.id}`, {
        parentId: target,
        version: top.version,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'group_cycle',
        fieldCodes: { parentId: 'not_allowed' },
      });
    }
    const moved = await org.owner.request('PATCH', `/api/groups/${mid.id}`, {
      parentId: other.id,
      version: mid.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<Group>()).toMatchObject({ parentId: other.id, version: mid.version + 1 });
    expect((await tree(org)).map((g) => [g.name, g.depth])).toEqual([
      ['Other', 0],
      ['Mid', 1],
      ['Leaf', 2],
      ['Top', 0],
    ]);
    // Back to the top level.
    const up = await org.owner.request('PATCH', `/api/groups/${leaf.id}`, {
      parentId: null,
      version: leaf.version,
    });
    expect(up.json<Group>().parentId).toBeNull();
  });

  it('refuses a stale version', async () => {
    const org = await createOrg(t.app);
    const g = await create(org, { name: 'Front desk' });
    await ok(org.owner, 'PATCH', `/api/groups/${g.id}`, { name: 'Desk', version: g.version });
    const stale = await org.owner.request('PATCH', `/api/groups/${g.id}`, {
      name: 'Front',
      version: g.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await ok<Group>(org.owner, 'GET', `/api/groups/${g.id}`)).name).toBe('Desk');
  });

  it('adds, re-roles and removes members; replaces the list on update', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const manager = await createStaff(t.app, org, 'manager');
    const g = await create(org, { name: 'Team', type: 'sales' });
    const added = await ok<Group>(org.owner, 'PUT', `/api/groups/${g.id}/members/${sales.id}`, {
      role: 'member',
    });
    expect(added.members).toEqual([{ userId: sales.id, role: 'member' }]);
    expect(added.version).toBe(g.version + 1);
    const promoted = await ok<Group>(org.owner, 'PUT', `/api/groups/${g.id}/members/${sales.id}`, {
      role: 'manager',
    });
    expect(promoted.members).toEqual([{ userId: sales.id, role: 'manager' }]);
    const replaced = await ok<Group>(org.owner, 'PATCH', `/api/groups/${g.id}`, {
      members: [{ userId: manager.id, role: 'manager' }],
      version: promoted.version,
    });
    expect(replaced.members).toEqual([{ userId: manager.id, role: 'manager' }]);
    const removed = await ok<Group>(
      org.owner,
      'DELETE',
      `/api/groups/${g.id}/members/${manager.id}`,
    );
    expect(removed.members).toEqual([]);
    const again = await org.owner.request('DELETE', `/api/groups/${g.id}/members/${manager.id}`);
    expect(again.statusCode).toBe(404);
  });

  it('deletes an unused group and archives one in use, with its subtree', async () => {
    const org = await createOrg(t.app);
    const lonely = await create(org, { name: 'Lonely' });
    const gone = await ok<GroupDeleteResult>(org.owner, 'DELETE', `/api/groups/${lonely.id}`);
    expect(gone).toEqual({ outcome: 'deleted', group: null });
    expect((await org.owner.request('GET', `/api/groups/${lonely.id}`)).statusCode).toBe(404);

    const parent = await create(org, { name: 'Parent' });
    const child = await create(org, { name: 'Child', parentId: parent.id });
    const archived = await ok<GroupDeleteResult>(org.owner, 'DELETE', `/api/groups/${parent.id}`);
    expect(archived.outcome).toBe('archived');
    expect(archived.group).toMatchObject({ id: parent.id, archived: true });
    expect(await tree(org)).toEqual([]);
    expect((await tree(org, true)).map((g) => [g.name, g.archived, g.depth])).toEqual([
      ['Parent', true, 0],
      ['Child', true, 1],
    ]);

    // A child cannot come back under an archived parent; the parent brings its subtree back.
    const c = await ok<Group>(org.owner, 'GET', `/api/groups/${child.id}`);
    const early = await org.owner.request('PATCH', `/api/groups/${child.id}`, {
      archived: false,
      version: c.version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('parent_archived');
    const p = await ok<Group>(org.owner, 'GET', `/api/groups/${parent.id}`);
    await ok(org.owner, 'PATCH', `/api/groups/${parent.id}`, {
      archived: false,
      version: p.version,
    });
    expect((await tree(org)).map((g) => g.name)).toEqual(['Parent', 'Child']);

    // A member keeps a group in use too; an archived group frees its name.
    const staffed = await create(org, {
      name: 'Staffed',
      members: [{ userId: org.ownerId, role: 'member' }],
    });
    expect(
      (await ok<GroupDeleteResult>(org.owner, 'DELETE', `/api/groups/${staffed.id}`)).outcome,
    ).toBe('archived');
    expect((await org.owner.request('POST', '/api/groups', { name: 'Staffed' })).statusCode).toBe(
      201,
    );
  });

  it('asks the features that register a use before deleting', async () => {
    const org = await createOrg(t.app);
    const used = await create(org, { name: 'Used by a deal' });
    registerGroupUsage(async (_db, orgId, groupId) => orgId === org.orgId && groupId === used.id);
    const res = await ok<GroupDeleteResult>(org.owner, 'DELETE', `/api/groups/${used.id}`);
    expect(res.outcome).toBe('archived');
  });

  it('scopes a manager to their groups and every group below them', async () => {
    const org = await createOrg(t.app);
    const boss = await createStaff(t.app, org, 'manager');
    const seller = await createStaff(t.app, org, 'sales');
    const region = await create(org, {
      name: 'Region',
      type: 'sales',
      members: [{ userId: boss.id, role: 'manager' }],
    });
    const team = await create(org, {
      name: 'Team',
      type: 'sales',
      parentId: region.id,
      members: [{ userId: seller.id, role: 'member' }],
    });
    const sub = await create(org, { name: 'Sub', type: 'sales', parentId: team.id });
    const elsewhere = await create(org, { name: 'Elsewhere', type: 'sales' });
    const db = t.database.db;
    const { orgId } = org;

    expect((await managedGroupIds(db, { orgId, userId: boss.id })).sort()).toEqual(
      [region.id, team.id, sub.id].sort(),
    );
    expect(await managedGroupIds(db, { orgId, userId: seller.id })).toEqual([]);
    expect((await memberGroupIds(db, { orgId, userId: seller.id })).sort()).toEqual(
      [team.id, sub.id].sort(),
    );
    expect((await memberGroupIds(db, { orgId, userId: boss.id })).sort()).toEqual(
      [region.id, team.id, sub.id].sort(),
    );
    // Another organization's user id reaches nothing here.
    const other = await createOrg(t.app);
    expect(await managedGroupIds(db, { orgId: other.orgId, userId: boss.id })).toEqual([]);

    // An archived group grants nothing; its archived sub-groups are still below a live one.
    await ok(org.owner, 'DELETE', `/api/groups/${team.id}`);
    expect((await managedGroupIds(db, { orgId, userId: boss.id })).sort()).toEqual(
      [region.id, team.id, sub.id].sort(),
    );
    expect(await memberGroupIds(db, { orgId, userId: seller.id })).toEqual([]);

    expect(await groupExists(db, orgId, elsewhere.id)).toBe(true);
    expect(await groupExists(db, orgId, elsewhere.id, { type: 'standard' })).toBe(false);
    expect(await groupExists(db, orgId, team.id)).toBe(false);
    expect(await groupExists(db, orgId, team.id, { includeArchived: true })).toBe(true);
    expect(await groupExists(db, other.orgId, elsewhere.id)).toBe(false);
    const refs = await groupRefs(db, orgId, [team.id, elsewhere.id]);
    expect(refs.get(team.id)).toEqual({ id: team.id, type: 'sales', archived: true });
  });

  it('lets CRM staff read the tree and only owners and admins change it', async () => {
    const org = await createOrg(t.app);
    const g = await create(org, { name: 'Read me' });
    const admin = await createStaff(t.app, org, 'admin');
    for (const role of ['manager', 'sales', 'reception'] as const) {
      const staff = await createStaff(t.app, org, role);
      expect((await staff.client.request('GET', '/api/groups')).statusCode).toBe(200);
      const writes = [
        await staff.client.request('POST', '/api/groups', { name: `By ${role}` }),
        await staff.client.request('PATCH', `/api/groups/${g.id}`, { name: 'Mine', version: 1 }),
        await staff.client.request('DELETE', `/api/groups/${g.id}`),
        await staff.client.request('PUT', `/api/groups/${g.id}/members/${staff.id}`, {
          role: 'manager',
        }),
        await staff.client.request('DELETE', `/api/groups/${g.id}/members/${staff.id}`),
      ];
      expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403]);
    }
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', '/api/groups')).statusCode).toBe(403);
    expect(
      (await admin.client.request('POST', '/api/groups', { name: 'By admin' })).statusCode,
    ).toBe(201);
    expect((await ok<Group>(org.owner, 'GET', `/api/groups/${g.id}`)).name).toBe('Read me');
  });

  it('is invisible and unchangeable for another organization', async () => {
    const { mine } = await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await create(org, { name: 'Theirs', members: [{ userId: org.ownerId, role: 'manager' }] }))
          .id,
      routes: [
        { method: 'GET', path: '/api/groups/:id' },
        { method: 'PATCH', path: '/api/groups/:id', body: { name: 'Mine now', version: 1 } },
        { method: 'PATCH', path: '/api/groups/:id', body: { archived: true, version: 1 } },
        { method: 'DELETE', path: '/api/groups/:id' },
        {
          method: 'PUT',
          path: '/api/groups/:id/members/00000000-0000-4000-8000-000000000000',
          body: { role: 'member' },
        },
        { method: 'DELETE', path: '/api/groups/:id/members/00000000-0000-4000-8000-000000000000' },
      ],
      lists: ['/api/groups?includeArchived=true'],
      read: async (org, id) => (await org.owner.request('GET', `/api/groups/${id}`)).json(),
    });
    // Their member cannot be added to my group either: an unknown user here.
    const other = await createOrg(t.app);
    const g = await create(mine, { name: 'Mine' });
    const res = await mine.owner.request('PUT', `/api/groups/${g.id}/members/${other.ownerId}`, {
      role: 'member',
    });
    expect(res.statusCode).toBe(404);
  });
});
