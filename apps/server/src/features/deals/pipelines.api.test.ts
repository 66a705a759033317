import type { ApiError, DealListItem, Pipeline } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, ok } from '../../../test/test-app.ts';
import { createDealAs, createPerson, dealsOrg, useDealsTestApp } from './deals.test-setup.ts';

const { t } = useDealsTestApp();

const pipelinesOf = async (client: Parameters<typeof ok>[0], query = '') =>
  (await ok<{ items: Pipeline[] }>(client, 'GET', `/api/pipelines${query}`)).items;

describe('pipelines, stages, lost reasons and types (S-2)', () => {
  it('starts an organization with two pipelines, lost reasons and types in its language', async () => {
    const sv = await createOrg(t.app, { locale: 'sv' });
    const [memberships, pt] = await pipelinesOf(sv.owner);
    expect(memberships).toMatchObject({ name: 'Medlemskap', position: 0, archived: false });
    expect(pt?.name).toBe('Personlig träning');
    expect(memberships!.stages.map((s) => [s.name, s.probability, s.state])).toEqual([
      ['Ny lead', 10, 'open'],
      ['Kontaktad', 20, 'open'],
      ['Provpass', 40, 'open'],
      ['Erbjudande lämnat', 60, 'open'],
      ['Förhandling', 80, 'open'],
      ['Vunnen', 100, 'won'],
      ['Förlorad', 0, 'lost'],
    ]);
    const statuses = await ok<{ items: Array<{ id: string; name: string }> }>(
      sv.owner,
      'GET',
      '/api/settings/statuses?entity=person',
    );
    const kund = statuses.items.find((s) => s.name === 'Kund')!;
    expect(memberships!.wonStatusId).toBe(kund.id);
    const reasons = await ok<{ items: DealListItem[] }>(
      sv.owner,
      'GET',
      '/api/deal-lists/lost-reasons',
    );
    expect(reasons.items.map((r) => r.name)).toContain('Gått till konkurrent');
    const types = await ok<{ items: DealListItem[] }>(sv.owner, 'GET', '/api/deal-lists/types');
    expect(types.items.map((r) => r.name)).toEqual([
      'Nyförsäljning',
      'Merförsäljning',
      'Förnyelse',
    ]);
    const uk = await createOrg(t.app, { locale: 'uk' });
    expect((await pipelinesOf(uk.owner))[0]!.name).toBe('Абонементи');
  });

  it('creates a pipeline with its stages, reorders them with the version, and refuses a stale one', async () => {
    const { org } = await dealsOrg(t);
    const created = await ok<Pipeline>(org.owner, 'POST', '/api/pipelines', {
      name: 'Corporate',
      stages: [
        { name: 'Meeting', probability: 20 },
        { name: 'Signed', state: 'won' },
        { name: 'No', state: 'lost', color: '#aa0000' },
      ],
    });
    expect(created.stages.map((s) => [s.name, s.probability, s.state, s.position])).toEqual([
      ['Meeting', 20, 'open', 0],
      ['Signed', 100, 'won', 1],
      ['No', 0, 'lost', 2],
    ]);
    const withDefaults = await ok<Pipeline>(org.owner, 'POST', '/api/pipelines', { name: 'PT 2' });
    expect(withDefaults.stages).toHaveLength(7);
    const ids = created.stages.map((s) => s.id);
    const reordered = await ok<Pipeline>(
      org.owner,
      'PUT',
      `/api/pipelines/${created.id}/stage-order`,
      { stageIds: [ids[0], ids[2], ids[1]], version: created.version },
    );
    expect(reordered.stages.map((s) => s.name)).toEqual(['Meeting', 'No', 'Signed']);
    const stale = await org.owner.request('PUT', `/api/pipelines/${created.id}/stage-order`, {
      stageIds: ids,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    const partial = await org.owner.request('PUT', `/api/pipelines/${created.id}/stage-order`, {
      stageIds: [ids[0]],
      version: reordered.version,
    });
    expect(partial.statusCode).toBe(400);
    const noOpen = await org.owner.request('POST', '/api/pipelines', {
      name: 'Closed only',
      stages: [{ name: 'Won', state: 'won' }],
    });
    expect(noOpen.statusCode).toBe(400);
    const taken = await org.owner.request('POST', '/api/pipelines', { name: 'corporate' });
    expect(taken.json<ApiError>().code).toBe('name_taken');
  });

  it('archives stages, pipelines and list entries deals use, and deletes unused ones', async () => {
    const { org, pipeline, open, types } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    await createDealAs(org.owner, {
      title: 'Uses things',
      personId: person.id,
      stageId: open[1]!.id,
      typeId: types[0]!.id,
    });
    expect(
      await ok(org.owner, 'DELETE', `/api/pipelines/${pipeline.id}/stages/${open[1]!.id}`),
    ).toEqual({ archived: true });
    expect(
      await ok(org.owner, 'DELETE', `/api/pipelines/${pipeline.id}/stages/${open[2]!.id}`),
    ).toEqual({ archived: false });
    expect(await ok(org.owner, 'DELETE', `/api/deal-lists/types/${types[0]!.id}`)).toEqual({
      archived: true,
    });
    expect(await ok(org.owner, 'DELETE', `/api/deal-lists/types/${types[1]!.id}`)).toEqual({
      archived: false,
    });
    const live = (await pipelinesOf(org.owner))[0]!;
    expect(live.stages.map((s) => s.id)).not.toContain(open[1]!.id);
    const all = (await pipelinesOf(org.owner, '?includeArchived=true'))[0]!;
    expect(all.stages.find((s) => s.id === open[1]!.id)?.archived).toBe(true);
    expect(all.stages.map((s) => s.id)).not.toContain(open[2]!.id);
    // A new deal cannot start in an archived stage or with an archived type.
    const refused = await org.owner.request('POST', '/api/deals', {
      title: 'x',
      personId: person.id,
      stageId: open[1]!.id,
      typeId: types[0]!.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>().fieldCodes).toEqual({ stageId: 'archived' });
    expect(await ok(org.owner, 'DELETE', `/api/pipelines/${pipeline.id}`)).toEqual({
      archived: true,
    });
  });

  it('keeps an open stage in every pipeline and a live pipeline in every club; a stage under deals keeps its state', async () => {
    const { org, pipeline, open, won } = await dealsOrg(t);
    const [, second] = await pipelinesOf(org.owner);
    const person = await createPerson(org.owner);
    await createDealAs(org.owner, { title: 'Here', personId: person.id, stageId: open[0]!.id });
    const stateChange = await org.owner.request(
      'PATCH',
      `/api/pipelines/${pipeline.id}/stages/${open[0]!.id}`,
      { state: 'won' },
    );
    expect(stateChange.statusCode).toBe(409);
    expect(stateChange.json<ApiError>().code).toBe('in_use');
    for (const stage of open.slice(1)) {
      await ok(org.owner, 'DELETE', `/api/pipelines/${pipeline.id}/stages/${stage.id}`);
    }
    const last = await org.owner.request(
      'PATCH',
      `/api/pipelines/${pipeline.id}/stages/${open[0]!.id}`,
      { archived: true },
    );
    expect(last.json<ApiError>().code).toBe('last_open_stage');
    // Won stays won; probability and colour change freely.
    const changed = await ok<Pipeline>(
      org.owner,
      'PATCH',
      `/api/pipelines/${pipeline.id}/stages/${won.id}`,
      { name: 'Signed up', color: '#00AA00' },
    );
    expect(changed.stages.find((s) => s.id === won.id)).toMatchObject({
      name: 'Signed up',
      color: '#00aa00',
    });
    await ok(org.owner, 'DELETE', `/api/pipelines/${second!.id}`);
    const lastPipeline = await org.owner.request('PATCH', `/api/pipelines/${pipeline.id}`, {
      archived: true,
      version: changed.version,
    });
    expect(lastPipeline.json<ApiError>().code).toBe('last_pipeline');
  });

  it('names a person status as the won status, and nothing else', async () => {
    const { org, pipeline } = await dealsOrg(t);
    const statuses = await ok<{ items: Array<{ id: string; entity: string }> }>(
      org.owner,
      'GET',
      '/api/settings/statuses',
    );
    const companyStatus = statuses.items.find((s) => s.entity === 'company')!;
    const res = await org.owner.request('PATCH', `/api/pipelines/${pipeline.id}`, {
      wonStatusId: companyStatus.id,
      version: pipeline.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().fieldCodes).toEqual({ wonStatusId: 'unknown_reference' });
    const cleared = await ok<Pipeline>(org.owner, 'PATCH', `/api/pipelines/${pipeline.id}`, {
      wonStatusId: null,
      version: pipeline.version,
    });
    expect(cleared).toMatchObject({ wonStatusId: null, version: pipeline.version + 1 });
  });
});
