import type { Deal, DealBoard, DealList, Pipeline } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, type Client, type Method, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import {
  createDealAs,
  createPerson,
  dealsOrg,
  insertGroup,
  useDealsTestApp,
} from './deals.test-setup.ts';

const { t } = useDealsTestApp();

const ZERO = '00000000-0000-4000-8000-000000000000';

interface TestOrgDeals {
  pipeline: Pipeline;
  typeId: string;
}

describe('deals: tenant isolation (habit 3)', () => {
  it('another organization can neither read, change, move, list nor export these deals', async () => {
    const orgs = new Map<string, TestOrgDeals>();
    const { mine, theirs, theirId } = await expectTenantIsolation(t.app, {
      async create(org: TestOrg) {
        const setup = await dealsOrgOf(org);
        orgs.set(org.orgId, setup);
        const person = await createPerson(org.owner);
        return (await createDealAs(org.owner, { title: 'Theirs', personId: person.id })).id;
      },
      routes: [
        { method: 'GET', path: '/api/deals/:id' },
        { method: 'PATCH', path: '/api/deals/:id', body: { title: 'Mine now', version: 1 } },
        { method: 'POST', path: '/api/deals/:id/move', body: { stageId: ZERO, version: 1 } },
        { method: 'GET', path: '/api/deals/:id/history' },
        { method: 'GET', path: '/api/deals/:id/tasks' },
        { method: 'POST', path: '/api/deals/:id/tasks', body: { taskId: ZERO } },
        { method: 'DELETE', path: `/api/deals/:id/tasks/${ZERO}` },
        { method: 'DELETE', path: '/api/deals/:id' },
      ],
      lists: ['/api/deals', '/api/deals?state=all'],
      read: async (org, id) => (await org.owner.request('GET', `/api/deals/${id}`)).json<Deal>(),
    });
    const their = orgs.get(theirs.orgId)!;
    const deal = (await theirs.owner.request('GET', `/api/deals/${theirId}`)).json<Deal>();

    // Their board, pipelines, stages and lists are no input for us either.
    const settings: Array<[Method, string, unknown?]> = [
      ['PATCH', `/api/pipelines/${their.pipeline.id}`, { name: 'Taken', version: 1 }],
      ['DELETE', `/api/pipelines/${their.pipeline.id}`],
      ['POST', `/api/pipelines/${their.pipeline.id}/stages`, { name: 'Extra' }],
      ['PATCH', `/api/pipelines/${their.pipeline.id}/stages/${deal.stageId}`, { name: 'X' }],
      ['DELETE', `/api/pipelines/${their.pipeline.id}/stages/${deal.stageId}`],
      [
        'PUT',
        `/api/pipelines/${their.pipeline.id}/stage-order`,
        { stageIds: [deal.stageId], version: 1 },
      ],
      ['PATCH', `/api/deal-lists/types/${their.typeId}`, { name: 'Ours' }],
      ['DELETE', `/api/deal-lists/types/${their.typeId}`],
    ];
    for (const [method, url, body] of settings) {
      const res = await mine.owner.request(method, url, body);
      expect({ url: `${method} ${url}`, status: res.statusCode }).toEqual({
        url: `${method} ${url}`,
        status: 404,
      });
    }
    expect(
      (await mine.owner.request('GET', `/api/deals/board?pipelineId=${their.pipeline.id}`))
        .statusCode,
    ).toBe(404);
    const myPerson = await createPerson(mine.owner);
    const crossing = [
      { title: 'x', personId: deal.personId },
      { title: 'x', personId: myPerson.id, stageId: deal.stageId },
      { title: 'x', personId: myPerson.id, pipelineId: their.pipeline.id },
      { title: 'x', personId: myPerson.id, typeId: their.typeId },
    ];
    for (const body of crossing) {
      expect((await mine.owner.request('POST', '/api/deals', body)).statusCode).toBe(400);
    }
    const bulk = await ok<{ affected: number }>(mine.owner, 'POST', '/api/deals/bulk', {
      ids: [theirId],
      change: { action: 'setOwner', ownerId: null },
    });
    expect(bulk.affected).toBe(0);
    const exported = await mine.owner.request('GET', '/api/deals/export?state=all');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain('Theirs');
    const { items } = await ok<{ items: Pipeline[] }>(mine.owner, 'GET', '/api/pipelines');
    expect(items.map((p) => p.id)).not.toContain(their.pipeline.id);
    const myBoard = await ok<DealBoard>(mine.owner, 'GET', '/api/deals/board');
    expect(myBoard.columns.reduce((n, c) => n + c.count, 0)).toBe(0);
    expect(
      (await ok<DealList>(mine.owner, 'GET', `/api/deals?personId=${deal.personId}`)).items,
    ).toEqual([]);
  });
});

async function dealsOrgOf(org: TestOrg): Promise<TestOrgDeals> {
  const { items } = await ok<{ items: Pipeline[] }>(org.owner, 'GET', '/api/pipelines');
  const types = await ok<{ items: Array<{ id: string }> }>(
    org.owner,
    'GET',
    '/api/deal-lists/types',
  );
  return { pipeline: items[0]!, typeId: types.items[0]!.id };
}

describe('deals: roles and groups', () => {
  it('instructors have no deals; only owners and admins change the settings', async () => {
    const { org, pipeline, open } = await dealsOrg(t);
    const instructor = await createStaff(t.app, org, 'instructor');
    for (const url of ['/api/deals', '/api/deals/board', '/api/pipelines']) {
      expect((await instructor.client.request('GET', url)).statusCode).toBe(403);
    }
    const person = await createPerson(org.owner);
    expect(
      (await instructor.client.request('POST', '/api/deals', { title: 'x', personId: person.id }))
        .statusCode,
    ).toBe(403);
    for (const role of ['manager', 'sales', 'reception'] as const) {
      const staff = await createStaff(t.app, org, role);
      expect((await staff.client.request('GET', '/api/pipelines')).statusCode).toBe(200);
      const created = await staff.client.request('POST', '/api/deals', {
        title: `By ${role}`,
        personId: person.id,
      });
      expect(created.statusCode).toBe(201);
      const changes: Array<[Method, string, unknown?]> = [
        ['POST', '/api/pipelines', { name: `New ${role}` }],
        ['PATCH', `/api/pipelines/${pipeline.id}`, { name: 'Renamed', version: pipeline.version }],
        ['PATCH', `/api/pipelines/${pipeline.id}/stages/${open[0]!.id}`, { probability: 1 }],
        ['POST', '/api/deal-lists/types', { name: `Type ${role}` }],
      ];
      for (const [method, url, body] of changes) {
        expect((await staff.client.request(method, url, body)).statusCode).toBe(403);
      }
    }
    // A deal's owner is someone the CRM settings let own deals (U-2).
    const instructorOwned = await org.owner.request('POST', '/api/deals', {
      title: 'x',
      personId: person.id,
      ownerId: instructor.id,
    });
    expect(instructorOwned.statusCode).toBe(422);
    expect(instructorOwned.json<{ fieldCodes: unknown }>().fieldCodes).toEqual({
      ownerId: 'not_allowed',
    });
  });

  it("a group's manager sees their own deals and their groups' (sub-groups too); a member their own", async () => {
    const { org } = await dealsOrg(t);
    const db = t.database.db;
    const manager = await createStaff(t.app, org, 'manager');
    const north = await createStaff(t.app, org, 'sales');
    const south = await createStaff(t.app, org, 'sales');
    const loner = await createStaff(t.app, org, 'sales');
    const region = await insertGroup(db, org.orgId, {
      name: 'Region',
      members: [{ userId: manager.id, role: 'manager' }],
    });
    const team = await insertGroup(db, org.orgId, {
      name: 'North team',
      parentId: region,
      members: [{ userId: north.id, role: 'member' }],
    });
    const other = await insertGroup(db, org.orgId, {
      name: 'South',
      members: [{ userId: south.id, role: 'member' }],
    });
    const person = await createPerson(org.owner);
    const make = (title: string, ownerId: string, groupId: string | null) =>
      createDealAs(org.owner, { title, personId: person.id, ownerId, groupId });
    const inTeam = await make('North deal', north.id, team);
    const inRegion = await make('Region deal', org.ownerId, region);
    const inSouth = await make('South deal', south.id, other);
    const managersOwn = await make('Manager own', manager.id, null);
    const nobodys = await make('Loose deal', loner.id, null);

    const seen = async (client: Client) => {
      const list = await ok<DealList>(client, 'GET', '/api/deals?limit=200');
      const b = await ok<DealBoard>(client, 'GET', '/api/deals/board');
      const onBoard = b.columns.flatMap((c) => c.cards.map((d) => d.id)).sort();
      expect(list.items.map((d) => d.id).sort()).toEqual(onBoard);
      return onBoard;
    };
    expect(await seen(manager.client)).toEqual([inTeam.id, inRegion.id, managersOwn.id].sort());
    expect(await seen(north.client)).toEqual([inTeam.id]);
    expect(await seen(south.client)).toEqual([inSouth.id]);
    // Someone in no group, like the owner, sees every deal.
    const all = [inTeam.id, inRegion.id, inSouth.id, managersOwn.id, nobodys.id].sort();
    expect(await seen(loner.client)).toEqual(all);
    expect(await seen(org.owner)).toEqual(all);
    // What one may not see is not there to change either (404, never 403).
    for (const [method, url, body] of [
      ['GET', `/api/deals/${inSouth.id}`, undefined],
      ['PATCH', `/api/deals/${inSouth.id}`, { title: 'Mine', version: inSouth.version }],
    ] as const) {
      expect((await manager.client.request(method, url, body)).statusCode).toBe(404);
    }
    // The group filter takes sub-groups along.
    const byRegion = await ok<DealList>(org.owner, 'GET', `/api/deals?groupId=${region}`);
    expect(byRegion.items.map((d) => d.id).sort()).toEqual([inTeam.id, inRegion.id].sort());
  });
});
