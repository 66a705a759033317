import type { Deal, DealBoard, DealBoardColumn } from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, type Client } from '../../../test/test-app.ts';
import { createDealAs, createPerson, dealsOrg, useDealsTestApp } from './deals.test-setup.ts';

const { t, clock } = useDealsTestApp(new Date('2026-03-10T10:00:00Z'));

const board = (client: Client, query = '') =>
  ok<DealBoard>(client, 'GET', `/api/deals/board${query ? `?${query}` : ''}`);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Every card of one column, page after page. */
async function allCards(
  client: Client,
  pipelineId: string,
  column: DealBoardColumn,
  limit: number,
) {
  const ids = column.cards.map((c) => c.id);
  let cursor = column.nextCursor;
  while (cursor) {
    const page = await board(
      client,
      `pipelineId=${pipelineId}&stageId=${column.stageId}&limit=${limit}&cursor=${cursor}`,
    );
    expect(page.columns).toHaveLength(1);
    ids.push(...page.columns[0]!.cards.map((c) => c.id));
    cursor = page.columns[0]!.nextCursor;
  }
  return ids;
}

describe('the pipeline board (S-4)', () => {
  it('sums every column as an independent SQL sum does, pages each column, and closes by month', async () => {
    const { org, pipeline, open, won, lost, lostReasons } = await dealsOrg(t);
    const rnd = random(7);
    const persons = [await createPerson(org.owner), await createPerson(org.owner)];
    const deals: Deal[] = [];
    for (let i = 0; i < 36; i++) {
      const stage = open[Math.floor(rnd() * open.length)]!;
      deals.push(
        await createDealAs(org.owner, {
          title: `Deal ${i}`,
          personId: persons[i % 2]!.id,
          stageId: stage.id,
          amount: Math.floor(rnd() * 2_000_000),
          probabilityOverride: i % 5 === 0 ? Math.floor(rnd() * 101) : null,
        }),
      );
    }
    // Closed last month: not on this month's won and lost columns.
    clock.now = new Date('2026-02-20T12:00:00Z');
    const februaryWin = deals.pop()!;
    await ok(org.owner, 'POST', `/api/deals/${februaryWin.id}/move`, {
      stageId: won.id,
      version: februaryWin.version,
    });
    clock.now = new Date('2026-03-10T10:00:00Z');
    for (const deal of deals.splice(0, 4)) {
      const lose = deal.amount % 2 === 0;
      await ok(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
        stageId: lose ? lost.id : won.id,
        version: deal.version,
        ...(lose && { lostReasonId: lostReasons[0]!.id }),
      });
    }
    // A stage's probability changes under its deals: the weighted sums follow.
    await ok(org.owner, 'PATCH', `/api/pipelines/${pipeline.id}/stages/${open[1]!.id}`, {
      probability: 55,
    });

    const expected = await t.database.db.execute(sql`
      select d.stage_id, count(*)::int as n, sum(d.amount)::text as total,
        round(sum(d.amount::numeric * coalesce(d.probability_override, s.probability)) / 100)::text
          as weighted
      from deals d join deal_stages s on s.org_id = d.org_id and s.id = d.stage_id
      where d.org_id = ${org.orgId}::uuid and d.pipeline_id = ${pipeline.id}::uuid
        and (s.state = 'open' or d.closed_at >= '2026-03-01T00:00:00+01:00')
      group by d.stage_id`);
    const rows = (
      expected as unknown as {
        rows: Array<{ stage_id: string; n: number; total: string; weighted: string }>;
      }
    ).rows;
    const bySql = new Map(rows.map((r) => [r.stage_id, r]));
    expect(bySql.size).toBeGreaterThan(3);

    const limit = 4;
    const answer = await board(org.owner, `limit=${limit}`);
    expect(answer.pipelineId).toBe(pipeline.id);
    expect(answer.currency).toBe('SEK');
    expect(answer.columns.map((c) => c.stageId)).toEqual(pipeline.stages.map((s) => s.id));
    for (const column of answer.columns) {
      const row = bySql.get(column.stageId);
      expect({
        stage: column.stageId,
        count: column.count,
        sum: column.sum,
        weighted: column.weightedSum,
      }).toEqual({
        stage: column.stageId,
        count: row?.n ?? 0,
        sum: Number(row?.total ?? 0),
        weighted: Number(row?.weighted ?? 0),
      });
      expect(column.cards.length).toBeLessThanOrEqual(limit);
      const ids = await allCards(org.owner, pipeline.id, column, limit);
      expect(ids).toHaveLength(column.count);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const wonColumn = answer.columns.find((c) => c.stageId === won.id)!;
    expect(wonColumn.cards.map((c) => c.id)).not.toContain(februaryWin.id);
    const february = await board(org.owner, 'closeMonth=2026-02');
    expect(february.columns.find((c) => c.stageId === won.id)!.cards.map((c) => c.id)).toEqual([
      februaryWin.id,
    ]);
  });

  it('filters by owner, type, close month and search; sums cover only what matches', async () => {
    const { org, types } = await dealsOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const person = await createPerson(org.owner, 'Zebulon');
    const mine = await createDealAs(org.owner, {
      title: 'Corporate package',
      companyId: null,
      personId: person.id,
      amount: 1000,
      typeId: types[1]!.id,
      expectedCloseDate: '2026-04-15',
    });
    const theirs = await createDealAs(org.owner, {
      title: 'Yearly card',
      personId: person.id,
      amount: 3000,
      ownerId: seller.id,
      expectedCloseDate: '2026-03-20',
    });
    const sumOf = (b: DealBoard) => b.columns.reduce((n, c) => n + c.sum, 0);
    const idsOf = (b: DealBoard) => b.columns.flatMap((c) => c.cards.map((d) => d.id));
    expect(sumOf(await board(org.owner))).toBe(4000);
    expect(idsOf(await board(org.owner, `ownerId=${seller.id}`))).toEqual([theirs.id]);
    expect(idsOf(await board(org.owner, 'ownerId=me'))).toEqual([mine.id]);
    expect(idsOf(await board(org.owner, `typeId=${types[1]!.id}`))).toEqual([mine.id]);
    expect(idsOf(await board(org.owner, 'closeMonth=2026-03'))).toEqual([theirs.id]);
    expect(sumOf(await board(org.owner, 'closeMonth=2026-04'))).toBe(1000);
    expect(idsOf(await board(org.owner, 'q=corporate'))).toEqual([mine.id]);
    expect((await board(org.owner, 'q=zebulon')).columns[0]!.count).toBe(2);
    expect(idsOf(await board(org.owner, 'q=nothing%25here'))).toEqual([]);
  });

  it('refuses a cursor without its column, and one it did not write', async () => {
    const { org } = await dealsOrg(t);
    expect((await org.owner.request('GET', '/api/deals/board?cursor=abc')).statusCode).toBe(400);
    const { columns } = await board(org.owner);
    const res = await org.owner.request(
      'GET',
      `/api/deals/board?stageId=${columns[0]!.stageId}&cursor=bm90LWEtY3Vyc29y`,
    );
    expect(res.statusCode).toBe(400);
  });
});
