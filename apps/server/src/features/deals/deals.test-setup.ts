import { randomUUID } from 'node:crypto';
import type { Deal, DealCreate, DealListItem, Person, Pipeline, Stage } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { createOrg, ok, useTestApp, type Client, type TestApp } from '../../../test/test-app.ts';
import { groupMembers, groups } from '../groups/index.ts';

/** One app for a test file, its clock pinned (and movable) so close dates and months are known. */
export function useDealsTestApp(start = new Date('2026-03-10T10:00:00Z')) {
  const clock = { now: start };
  const t = useTestApp({ now: () => clock.now });
  return { t, clock };
}

export interface DealsOrg {
  org: Awaited<ReturnType<typeof createOrg>>;
  pipeline: Pipeline;
  /** The default memberships pipeline's stages by state: open ones in order, won, lost. */
  open: Stage[];
  won: Stage;
  lost: Stage;
  lostReasons: DealListItem[];
  types: DealListItem[];
}

export async function dealsOrg(
  t: TestApp,
  locale = 'en',
  timezone = 'Europe/Stockholm',
): Promise<DealsOrg> {
  const org = await createOrg(t.app, { locale, timezone });
  const { items } = await ok<{ items: Pipeline[] }>(org.owner, 'GET', '/api/pipelines');
  const pipeline = items[0]!;
  const lostReasons = await ok<{ items: DealListItem[] }>(
    org.owner,
    'GET',
    '/api/deal-lists/lost-reasons',
  );
  const types = await ok<{ items: DealListItem[] }>(org.owner, 'GET', '/api/deal-lists/types');
  return {
    org,
    pipeline,
    open: pipeline.stages.filter((s) => s.state === 'open'),
    won: pipeline.stages.find((s) => s.state === 'won')!,
    lost: pipeline.stages.find((s) => s.state === 'lost')!,
    lostReasons: lostReasons.items,
    types: types.items,
  };
}

export async function createPerson(client: Client, firstName = 'Anna'): Promise<Person> {
  const body = { firstName, lastName: `Deal ${randomUUID().slice(0, 6)}` };
  return (await ok<{ person: Person }>(client, 'POST', '/api/persons', body)).person;
}

export async function createDealAs(client: Client, body: DealCreate): Promise<Deal> {
  const res = await client.request('POST', '/api/deals', body);
  if (res.statusCode !== 201) throw new Error(`create deal ${res.statusCode}: ${res.body}`);
  return res.json<Deal>();
}

/** A group (with members) written straight to the groups tables: the groups API is not ours. */
export async function insertGroup(
  db: Db,
  orgId: string,
  opts: {
    name?: string;
    parentId?: string | null;
    members?: Array<{ userId: string; role: 'member' | 'manager' }>;
  } = {},
): Promise<string> {
  const [group] = await db
    .insert(groups)
    .values({
      orgId,
      name: opts.name ?? `Group ${randomUUID().slice(0, 6)}`,
      parentId: opts.parentId ?? null,
      type: 'sales',
    })
    .returning({ id: groups.id });
  if (opts.members?.length) {
    await db
      .insert(groupMembers)
      .values(opts.members.map((m) => ({ orgId, groupId: group!.id, ...m })));
  }
  return group!.id;
}
