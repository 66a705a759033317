import type {
  ApiError,
  Deal,
  DealList,
  DealTaskList,
  Task,
  TaskResult,
  TaskTemplate,
} from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, type Client } from '../../../test/test-app.ts';
import { createDealAs, createPerson, dealsOrg, useDealsTestApp } from './deals.test-setup.ts';

const { t, clock } = useDealsTestApp();

/** Every page of the list, following the cursors. */
async function walk(client: Client, query: string, limit: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: DealList = await ok<DealList>(
      client,
      'GET',
      `/api/deals?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((d) => d.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('the deals list, bulk changes and export', () => {
  it('pages every sort with keyset cursors, ties and missing close dates included', async () => {
    const { org } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deals: Deal[] = [];
    for (let i = 0; i < 13; i++) {
      clock.now = new Date(Date.UTC(2026, 2, 10, 10, 0, i % 4));
      deals.push(
        await createDealAs(org.owner, {
          title: `Deal ${String.fromCharCode(65 + (i % 5))}`,
          personId: person.id,
          amount: (i % 3) * 1000,
          expectedCloseDate:
            i % 4 === 0 ? null : `2026-04-${String(10 + (i % 3)).padStart(2, '0')}`,
        }),
      );
    }
    const expectOrder = (key: (d: Deal) => string | number, desc: boolean) =>
      [...deals]
        .sort((a, b) => {
          const [x, y] = [key(a), key(b)];
          const byKey = x < y ? -1 : x > y ? 1 : 0;
          const byId = a.id < b.id ? -1 : 1;
          return desc ? -byKey || -byId : byKey || byId;
        })
        .map((d) => d.id);
    const cases: Array<[string, (d: Deal) => string | number, boolean]> = [
      ['amount', (d) => d.amount, false],
      ['-amount', (d) => d.amount, true],
      ['title', (d) => d.title.toLowerCase(), false],
      ['expectedCloseDate', (d) => d.expectedCloseDate ?? '9999-12-31', false],
      ['-expectedCloseDate', (d) => d.expectedCloseDate ?? '0001-01-01', true],
      ['-createdAt', (d) => d.createdAt, true],
    ];
    for (const [sort, key, desc] of cases) {
      expect({ sort, ids: await walk(org.owner, `sort=${sort}&personId=${person.id}`, 4) }).toEqual(
        {
          sort,
          ids: expectOrder(key, desc),
        },
      );
    }
    const bad = await org.owner.request('GET', '/api/deals?cursor=notacursor');
    expect(bad.statusCode).toBe(400);
  });

  it("lists a person's deals in every state, and filters by state and stage", async () => {
    const { org, open, won } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const other = await createPerson(org.owner);
    const a = await createDealAs(org.owner, { title: 'A', personId: person.id });
    const b = await createDealAs(org.owner, { title: 'B', personId: person.id, stageId: won.id });
    await createDealAs(org.owner, { title: 'C', personId: other.id });
    const ids = async (q: string) =>
      (await ok<DealList>(org.owner, 'GET', `/api/deals?${q}`)).items.map((d) => d.id).sort();
    expect(await ids(`personId=${person.id}&state=all`)).toEqual([a.id, b.id].sort());
    expect(await ids(`personId=${person.id}`)).toEqual([a.id]);
    expect(await ids(`personId=${person.id}&state=won`)).toEqual([b.id]);
    expect(await ids(`personId=${person.id}&state=lost`)).toEqual([]);
    expect(await ids(`stageId=${open[0]!.id}&personId=${person.id}`)).toEqual([a.id]);
  });

  it('changes the owner or the stage of the selected deals, with the lost rule', async () => {
    const { org, lost, won, lostReasons } = await dealsOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const person = await createPerson(org.owner);
    const one = await createDealAs(org.owner, { title: 'One', personId: person.id });
    const two = await createDealAs(org.owner, { title: 'Two', personId: person.id });
    const owner = await ok<{ affected: number }>(org.owner, 'POST', '/api/deals/bulk', {
      ids: [one.id, two.id],
      change: { action: 'setOwner', ownerId: seller.id },
    });
    expect(owner.affected).toBe(2);
    const mine = await ok<DealList>(seller.client, 'GET', '/api/deals?ownerId=me');
    expect(mine.items.map((d) => d.id).sort()).toEqual([one.id, two.id].sort());
    const noReason = await org.owner.request('POST', '/api/deals/bulk', {
      ids: [one.id, two.id],
      change: { action: 'setStage', stageId: lost.id },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ApiError>().fieldCodes).toEqual({ 'change.lostReasonId': 'required' });
    await ok(org.owner, 'POST', '/api/deals/bulk', {
      ids: [one.id, two.id],
      change: { action: 'setStage', stageId: lost.id, lostReasonId: lostReasons[0]!.id },
    });
    const after = await ok<Deal>(org.owner, 'GET', `/api/deals/${two.id}`);
    expect(after).toMatchObject({
      state: 'lost',
      lostReasonId: lostReasons[0]!.id,
      ownerId: seller.id,
    });
    await ok(org.owner, 'POST', '/api/deals/bulk', {
      ids: [one.id],
      change: { action: 'setStage', stageId: won.id },
    });
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${one.id}`)).state).toBe('won');
  });

  it('exports the filtered list as CSV, formulas neutralized, amounts in major units', async () => {
    const { org } = await dealsOrg(t);
    const person = await createPerson(org.owner, 'Åsa');
    await createDealAs(org.owner, {
      title: '=HYPERLINK("x")',
      personId: person.id,
      amount: 125050,
    });
    await createDealAs(org.owner, { title: 'Other', personId: person.id, amount: 1 });
    const res = await org.owner.request('GET', '/api/deals/export?q=hyperlink');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Title,Person,Company,Amount,Currency/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain('1250.50,SEK');
    expect(lines[1]).toContain(person.displayName);
  });

  it("links tasks to a deal, and a result whose outcome is 'won' wins it", async () => {
    const { org, won, open } = await dealsOrg(t);
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Call me', personId: person.id });
    const { items: templates } = await ok<{ items: TaskTemplate[] }>(
      org.owner,
      'GET',
      '/api/settings/task-templates',
    );
    const call = templates.find((tpl) => tpl.type === 'call')!;
    const bought = await ok<TaskResult>(
      org.owner,
      'POST',
      `/api/settings/task-templates/${call.id}/results`,
      { name: 'Bought', dealOutcome: 'won' },
    );
    expect(bought.dealOutcome).toBe('won');
    const later = await ok<TaskResult>(
      org.owner,
      'POST',
      `/api/settings/task-templates/${call.id}/results`,
      { name: 'Interested', dealOutcome: 'next_stage' },
    );
    const newTask = () =>
      ok<Task>(org.owner, 'POST', '/api/tasks', { templateId: call.id, contactId: person.id });
    const first = await newTask();
    const second = await newTask();
    const linked = await ok<DealTaskList>(org.owner, 'POST', `/api/deals/${deal.id}/tasks`, {
      taskId: first.id,
    });
    expect(linked.items.map((task) => task.id)).toEqual([first.id]);
    await ok(org.owner, 'POST', `/api/deals/${deal.id}/tasks`, { taskId: second.id });

    await ok(org.owner, 'POST', `/api/tasks/${first.id}/result`, { resultId: later.id });
    expect((await ok<Deal>(org.owner, 'GET', `/api/deals/${deal.id}`)).stageId).toBe(open[1]!.id);
    await ok(org.owner, 'POST', `/api/tasks/${second.id}/result`, { resultId: bought.id });
    const wonDeal = await ok<Deal>(org.owner, 'GET', `/api/deals/${deal.id}`);
    expect(wonDeal).toMatchObject({ stageId: won.id, state: 'won' });
    const history = await ok<{ items: Array<{ event: string; author: { id: string } | null }> }>(
      org.owner,
      'GET',
      `/api/deals/${deal.id}/history`,
    );
    expect(history.items[0]).toMatchObject({ event: 'won', author: { id: org.ownerId } });
    // Done tasks come after open ones; unlinking leaves the task itself alone.
    const listed = await ok<DealTaskList>(org.owner, 'GET', `/api/deals/${deal.id}/tasks`);
    expect(listed.items.map((task) => task.id).sort()).toEqual([first.id, second.id].sort());
    const unlinked = await ok<DealTaskList>(
      org.owner,
      'DELETE',
      `/api/deals/${deal.id}/tasks/${first.id}`,
    );
    expect(unlinked.items.map((task) => task.id)).toEqual([second.id]);
    expect((await org.owner.request('GET', `/api/tasks/${first.id}`)).statusCode).toBe(200);
  });
});
