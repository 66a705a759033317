import type { Lookup, Status } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { AppError } from '../../lib/errors.ts';
import { assertContactRefs, lookupIdsByName, statusIdsByName } from './index.ts';

async function fieldsOf(work: Promise<unknown>) {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).toBody().fields;
}

async function add(org: TestOrg, kind: string, body: Record<string, unknown>) {
  return (await org.owner.request('POST', `/api/settings/${kind}`, body)).json<Lookup>();
}

describe('references from contacts to settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('accepts ids of this organization that fit the entity, names each one that does not', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const db = t.database.db;
    const statuses = (await org.owner.request('GET', '/api/settings/statuses')).json<{
      items: Status[];
    }>().items;
    const personStatus = statuses.find((s) => s.entity === 'person')!;
    const companyStatus = statuses.find((s) => s.entity === 'company')!;
    const personTag = await add(org, 'tags', { name: 'Kids', scope: 'person' });
    const bothTag = await add(org, 'tags', { name: 'VIP' });
    const cat = await add(org, 'categories', { name: 'Partner', scope: 'company' });
    const src = await add(org, 'sources', { name: 'Web' });
    const prod = await add(org, 'products', { name: 'Yoga' });
    const ind = await add(org, 'industries', { name: 'Gyms' });
    const foreignTag = await add(other, 'tags', { name: 'Theirs' });
    const branch = (await org.owner.request('POST', '/api/branches', { name: 'Centrum' })).json<{
      id: string;
    }>();
    const sales = await createStaff(t.app, org, 'sales');
    const leaver = await createStaff(t.app, org, 'reception');
    await org.owner.request('PATCH', `/api/users/${leaver.id}`, { active: false });

    await assertContactRefs(db, org.orgId, 'person', {
      statusId: personStatus.id,
      tagIds: [personTag.id, bothTag.id],
      sourceId: src.id,
      productIds: [prod.id],
      branchId: branch.id,
      responsibleId: sales.id,
    });
    await assertContactRefs(db, org.orgId, 'company', {
      statusId: companyStatus.id,
      categoryIds: [cat.id],
      industryId: ind.id,
      tagIds: [],
    });
    await assertContactRefs(db, org.orgId, 'company', { statusId: null, responsibleId: null });

    expect(
      await fieldsOf(
        assertContactRefs(db, org.orgId, 'company', {
          statusId: personStatus.id,
          tagIds: [personTag.id],
          categoryIds: [src.id],
          sourceId: ind.id,
          productIds: [foreignTag.id],
          industryId: src.id,
          branchId: other.orgId,
          responsibleId: leaver.id,
        }),
      ),
    ).toEqual({
      statusId: 'Unknown status',
      tagIds: 'This tag is not for companies',
      categoryIds: 'Unknown category',
      sourceId: 'Unknown source',
      productIds: 'Unknown product',
      industryId: 'Unknown industry',
      branchId: 'Unknown branch',
      responsibleId: 'This user is no longer active',
    });
    expect(
      await fieldsOf(
        assertContactRefs(db, org.orgId, 'person', {
          tagIds: [foreignTag.id],
          responsibleId: other.ownerId,
        }),
      ),
    ).toEqual({ tagIds: 'Unknown tag', responsibleId: 'Unknown user' });
  });

  it('maps lower-cased names to ids for the importer', async () => {
    const org = await createOrg(t.app);
    const src = await add(org, 'sources', { name: 'Instagram Ad' });
    const archived = await add(org, 'sources', { name: 'Old' });
    await org.owner.request('PATCH', `/api/settings/sources/${archived.id}`, { archived: true });
    const sources = await lookupIdsByName(t.database.db, org.orgId, 'sources');
    expect([...sources]).toEqual([['instagram ad', src.id]]);
    const statuses = await statusIdsByName(t.database.db, org.orgId, 'company');
    expect([...statuses.keys()].sort()).toEqual(['customer', 'former customer', 'prospect']);
  });
});
