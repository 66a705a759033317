import type { ApiError, Deal, DealHistoryEntry, HistoryEntry, Person } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../test/test-app.ts';
import { createDealAs, createPerson, dealsOrg, useDealsTestApp } from './deals.test-setup.ts';

const { t, clock } = useDealsTestApp();

const dealHistory = async (client: Parameters<typeof ok>[0], id: string) =>
  (await ok<{ items: DealHistoryEntry[] }>(client, 'GET', `/api/deals/${id}/history`)).items;
const personHistory = async (client: Parameters<typeof ok>[0], id: string) =>
  (await ok<{ items: HistoryEntry[] }>(client, 'GET', `/api/persons/${id}/history`)).items;

describe('deals (S-1)', () => {
  it('creates a deal in the first open stage with its probability, the club currency and history', async () => {
    const { org, pipeline, open } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, {
      title: 'Gold membership',
      personId: person.id,
      amount: 599_00,
      expectedCloseDate: '2026-03-31',
    });
    expect(deal).toMatchObject({
      title: 'Gold membership',
      personId: person.id,
      person: { id: person.id, name: person.displayName },
      companyId: null,
      amount: 59900,
      currency: 'SEK',
      pipelineId: pipeline.id,
      stageId: open[0]!.id,
      state: 'open',
      probability: open[0]!.probability,
      probabilityOverride: null,
      ownerId: org.ownerId,
      owner: { id: org.ownerId, name: 'Owner Olsson' },
      closedAt: null,
      version: 1,
    });
    expect((await dealHistory(org.owner, deal.id)).map((e) => e.event)).toEqual(['created']);
    const entries = await personHistory(org.owner, person.id);
    expect(entries[0]).toMatchObject({
      event: 'deal_created',
      data: { dealId: deal.id, title: 'Gold membership', stageName: open[0]!.name },
    });
  });

  it('needs a person or a company, and refuses ids of nothing it knows', async () => {
    const { org } = await dealsOrg(t);
    const none = await org.owner.request('POST', '/api/deals', { title: 'Nobody' });
    expect(none.statusCode).toBe(400);
    expect(none.json<ApiError>().fields).toHaveProperty('personId');
    const unknown = await org.owner.request('POST', '/api/deals', {
      title: 'Ghost',
      personId: '00000000-0000-4000-8000-000000000000',
      typeId: '00000000-0000-4000-8000-000000000001',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>().fieldCodes).toMatchObject({
      personId: 'unknown_reference',
      typeId: 'unknown_reference',
    });
  });

  it('takes the stage probability unless overridden, and follows the stage when it changes', async () => {
    const { org, pipeline, open } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const follows = await createDealAs(org.owner, { title: 'Follows', personId: person.id });
    const own = await createDealAs(org.owner, {
      title: 'Own',
      personId: person.id,
      probabilityOverride: 90,
    });
    expect(own.probability).toBe(90);
    await ok(org.owner, 'PATCH', `/api/pipelines/${pipeline.id}/stages/${open[0]!.id}`, {
      probability: 33,
    });
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${follows.id}`)).probability).toBe(33);
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${own.id}`)).probability).toBe(90);
    // Taking the override away follows the stage again.
    const back = await ok<Deal>(org.owner, 'PATCH', `/api/deals/${own.id}`, {
      probabilityOverride: null,
      version: own.version,
    });
    expect(back).toMatchObject({ probability: 33, probabilityOverride: null });
  });

  it('refuses a stale version with 409 and keeps the newer save', async () => {
    const { org } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Race', personId: person.id });
    const first = await org.owner.request('PATCH', `/api/deals/${deal.id}`, {
      amount: 100,
      version: deal.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await org.owner.request('PATCH', `/api/deals/${deal.id}`, {
      amount: 200,
      version: deal.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ApiError>()).toMatchObject({
      code: 'version_conflict',
      params: { version: 2 },
    });
    const move = await org.owner.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: deal.stageId,
      version: deal.version,
    });
    expect(move.statusCode).toBe(409);
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${deal.id}`)).amount).toBe(100);
  });

  it('refuses a move to a lost stage without a reason; with one it closes the deal', async () => {
    const { org, lost, lostReasons } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Maybe', personId: person.id });
    const refused = await org.owner.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: lost.id,
      version: deal.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ApiError>()).toMatchObject({
      code: 'validation',
      fieldCodes: { lostReasonId: 'required' },
    });
    const viaPatch = await org.owner.request('PATCH', `/api/deals/${deal.id}`, {
      stageId: lost.id,
      version: deal.version,
    });
    expect(viaPatch.statusCode).toBe(400);
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${deal.id}`)).state).toBe('open');

    const reason = lostReasons[1]!;
    const moved = await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: lost.id,
      version: deal.version,
      lostReasonId: reason.id,
      lostComment: 'Signed with the gym next door',
    });
    expect(moved).toMatchObject({
      state: 'lost',
      lostReasonId: reason.id,
      lostComment: 'Signed with the gym next door',
      closedAt: clock.now.toISOString(),
      probability: 0,
    });
    const entries = await personHistory(org.owner, person.id);
    expect(entries[0]).toMatchObject({
      event: 'deal_lost',
      data: { dealId: deal.id, lostReasonName: reason.name, stageName: lost.name },
    });
  });

  it('reopening clears the close date and reason; winning makes the person a Customer', async () => {
    const { org, open, won, lost, lostReasons } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Back and forth', personId: person.id });
    const second = await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: open[1]!.id,
      version: deal.version,
    });
    const isLost = await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: lost.id,
      version: second.version,
      lostReasonId: lostReasons[0]!.id,
    });
    const reopened = await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: open[2]!.id,
      version: isLost.version,
    });
    expect(reopened).toMatchObject({
      state: 'open',
      closedAt: null,
      lostReasonId: null,
      lostComment: '',
      probability: open[2]!.probability,
    });
    clock.now = new Date('2026-03-12T15:30:00Z');
    const isWon = await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: won.id,
      version: reopened.version,
    });
    expect(isWon).toMatchObject({
      state: 'won',
      closedAt: '2026-03-12T15:30:00.000Z',
      probability: 100,
    });
    const now = await ok<Person>(org.owner, 'GET', `/api/persons/${person.id}`);
    const statuses = await ok<{ items: Array<{ id: string; name: string }> }>(
      org.owner,
      'GET',
      '/api/settings/statuses?entity=person',
    );
    expect(statuses.items.find((s) => s.id === now.statusId)?.name).toBe('Customer');
    expect((await dealHistory(org.owner, deal.id)).map((e) => e.event)).toEqual([
      'won',
      'reopened',
      'lost',
      'stage_changed',
      'created',
    ]);
    const timeline = (await personHistory(org.owner, person.id)).map((e) => e.event);
    expect(timeline.slice(0, 2).sort()).toEqual(['deal_won', 'status_changed']);
    expect(timeline).toContain('deal_lost');
    expect(timeline.filter((e) => e === 'deal_stage_changed')).toHaveLength(2);
  });

  it('moves only to a stage of its own pipeline, never to an archived one', async () => {
    const { org, pipeline } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Stay', personId: person.id });
    const { items } = await ok<{ items: Array<{ id: string; stages: Array<{ id: string }> }> }>(
      org.owner,
      'GET',
      '/api/pipelines',
    );
    const other = items.find((p) => p.id !== pipeline.id)!;
    const res = await org.owner.request('POST', `/api/deals/${deal.id}/move`, {
      stageId: other.stages[1]!.id,
      version: deal.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().fieldCodes).toEqual({ stageId: 'not_allowed' });
    // With the pipeline named, the deal changes pipeline.
    const moved = await ok<Deal>(org.owner, 'PATCH', `/api/deals/${deal.id}`, {
      pipelineId: other.id,
      stageId: other.stages[1]!.id,
      version: deal.version,
    });
    expect(moved).toMatchObject({ pipelineId: other.id, stageId: other.stages[1]!.id });
  });

  it('deletes a deal; its person keeps the timeline entries', async () => {
    const { org } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Gone', personId: person.id });
    await ok(org.owner, 'DELETE', `/api/deals/${deal.id}`);
    expect((await org.owner.request('GET', `/api/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await personHistory(org.owner, person.id)).map((e) => e.event)).toContain(
      'deal_created',
    );
  });

  it('tells the webhooks that hear them of created deals and stage changes', async () => {
    const { org, open } = await dealsOrg(t);
    await ok(org.owner, 'POST', '/api/webhook-endpoints', {
      url: 'https://hooks.example.com/deals',
      eventTypes: ['deal.created', 'deal.stage_changed'],
    });
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Hooked', personId: person.id });
    await ok(org.owner, 'PATCH', `/api/deals/${deal.id}`, { amount: 5, version: 1 });
    await ok(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: open[1]!.id,
      version: 2,
    });
    const result = await t.database.db.execute(sql`
      select event_type, payload -> 'data' ->> 'id' as id, payload -> 'data' ->> 'stageId' as stage
      from webhook_deliveries where org_id = ${org.orgId}::uuid order by created_at, event_type`);
    const rows = (result as unknown as { rows: Array<Record<string, string>> }).rows;
    expect(rows).toEqual([
      { event_type: 'deal.created', id: deal.id, stage: open[0]!.id },
      { event_type: 'deal.stage_changed', id: deal.id, stage: open[1]!.id },
    ]);
  });
});
