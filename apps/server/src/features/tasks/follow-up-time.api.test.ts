/**
 * Issue 10, "follow-ups land at night": a workflow's next step counted in days lands at the
 * start of the club's working day in the club's zone, and may count from a date the result asks
 * for ("going to buy" with its planned date).
 */
import type { Task, TaskResult } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, ok, type TestOrg } from '../../../test/test-app.ts';
import { seedDemoTaskSettings } from '../task-settings/index.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

const { t, clock } = useTaskTestApp();

type Answer = { task: Task; nextTask: Task | null };

/** Wednesday 11 March 2026, 23:35 in Stockholm (CET, UTC+1). */
const WEDNESDAY_2335 = new Date('2026-03-11T22:35:00Z');

async function callSetup(opts: Parameters<typeof taskOrg>[1] = {}) {
  const ctx = await taskOrg(t, opts);
  const reception = await createStaff(t.app, ctx.org, 'reception');
  const person = await insertPerson(ctx.db, ctx.org.orgId, { displayName: 'Greta Lind' });
  const newCall = () =>
    createTaskAs(ctx.org.owner, {
      templateId: ctx.fx.call.id,
      contactId: person.id,
      assigneeId: reception.id,
    });
  return { ...ctx, reception, person, newCall };
}

type Setup = Awaited<ReturnType<typeof callSetup>>;

/** Enters a result on a new call; returns when the next task is due. */
async function nextDue(s: Setup, resultId: string, fields: Record<string, string> = {}) {
  const call = await s.newCall();
  const res = await s.reception.client.request('POST', `/api/tasks/${call.id}/result`, {
    resultId,
    fields,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Answer>().nextTask!.dueAt;
}

const goingToBuy = (s: Setup, date: string) =>
  nextDue(s, s.fx.results.goingToBuy, { [s.fx.fields.purchaseDate]: date });

async function setWorkday(org: TestOrg, patch: { workdayStart?: string; workdayEnd?: string }) {
  const { version } = await ok<{ version: number }>(org.owner, 'GET', '/api/settings/crm');
  await ok(org.owner, 'PATCH', '/api/settings/crm', { ...patch, version });
}

/** Changes a fixture result's next step through the settings API. */
async function setNext(s: Setup, resultId: string, next: object) {
  const url = `/api/settings/task-templates/${s.fx.call.id}/results/${resultId}`;
  return ok<TaskResult>(s.org.owner, 'PATCH', url, {
    next: { templateId: s.fx.checkPurchase.id, ...next },
  });
}

describe('follow-ups land at the club’s working time (issue 10)', () => {
  it('"in 2 days" entered at 23:35 is due at 10:00 two days later, in the club’s zone', async () => {
    const s = await callSetup();
    clock.now = WEDNESDAY_2335;
    // Friday 13 March 10:00 in Stockholm, not 23:35.
    expect(await goingToBuy(s, '2026-03-20')).toBe('2026-03-13T09:00:00.000Z');
    // Friday 27 March 23:35 CET → Sunday 29 March 10:00 CEST: the clocks went forward between.
    clock.now = new Date('2026-03-27T22:35:00Z');
    expect(await goingToBuy(s, '2026-04-01')).toBe('2026-03-29T08:00:00.000Z');
  });

  it('counts the club’s days in its own zone across its own DST change (New York)', async () => {
    const s = await callSetup({ timezone: 'America/New_York' });
    // Friday 6 March 23:35 EST, already Saturday in UTC → Sunday 8 March 10:00 EDT.
    clock.now = new Date('2026-03-07T04:35:00Z');
    expect(await goingToBuy(s, '2026-03-20')).toBe('2026-03-08T14:00:00.000Z');
  });

  it('uses the start of the working day the club set', async () => {
    const s = await callSetup();
    await setWorkday(s.org, { workdayStart: '08:15' });
    clock.now = WEDNESDAY_2335;
    expect(await goingToBuy(s, '2026-03-20')).toBe('2026-03-13T07:15:00.000Z');
    await setNext(s, s.fx.results.thinking, { offset: { unit: 'next_working_day' } });
    expect(await nextDue(s, s.fx.results.thinking)).toBe('2026-03-12T07:15:00.000Z');
  });

  it('keeps minutes and hours as they are, unless the working day has an end', async () => {
    const s = await callSetup();
    await setNext(s, s.fx.results.thinking, { offset: { unit: 'hours', amount: 2 } });
    clock.now = WEDNESDAY_2335;
    expect(await nextDue(s, s.fx.results.thinking)).toBe('2026-03-12T00:35:00.000Z');
    await setWorkday(s.org, { workdayEnd: '20:00' });
    // 01:35 is before the working day starts: Thursday 10:00.
    expect(await nextDue(s, s.fx.results.thinking)).toBe('2026-03-12T09:00:00.000Z');
  });

  it('counts "going to buy" from its planned date when the workflow says so', async () => {
    const s = await callSetup();
    clock.now = WEDNESDAY_2335;
    const saved = await setNext(s, s.fx.results.goingToBuy, {
      offset: { unit: 'days', amount: 2 },
      fromFieldId: s.fx.fields.purchaseDate,
    });
    expect(saved.next?.fromFieldId).toBe(s.fx.fields.purchaseDate);
    // Planned for Friday 20 March → check on Sunday 22 March at 10:00.
    expect(await goingToBuy(s, '2026-03-20')).toBe('2026-03-22T09:00:00.000Z');
    // Planned for Saturday 28 March → Monday 30 March at 10:00, summer time by then.
    expect(await goingToBuy(s, '2026-03-28')).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts from the moment of entry when the date it counts from is left empty', async () => {
    const s = await callSetup();
    const url = `/api/settings/task-templates/${s.fx.call.id}/results`;
    // A field added in the same save is named by its position.
    const result = await ok<TaskResult>(s.org.owner, 'POST', url, {
      name: 'Will come back',
      fields: [
        { label: 'Note', type: 'text' },
        { label: 'Back from holiday', type: 'date' },
      ],
      next: {
        templateId: s.fx.checkPurchase.id,
        offset: { unit: 'days', amount: 1 },
        fromFieldIndex: 1,
      },
    });
    expect(result.next?.fromFieldId).toBe(result.fields[1]!.id);
    clock.now = WEDNESDAY_2335;
    expect(await nextDue(s, result.id)).toBe('2026-03-12T09:00:00.000Z');
    const back = { [result.fields[1]!.id]: '2026-04-06' };
    expect(await nextDue(s, result.id, back)).toBe('2026-04-07T08:00:00.000Z');
  });

  it('runs the demo’s workflow: "going to buy" → "check the purchase" two days after the date', async () => {
    const s = await callSetup();
    const demo = await seedDemoTaskSettings(s.db, s.org.orgId, 'sv');
    const call = await createTaskAs(s.org.owner, {
      templateId: demo.templates.personalCall,
      contactId: s.person.id,
      assigneeId: s.reception.id,
    });
    clock.now = WEDNESDAY_2335;
    const res = await s.reception.client.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: demo.results.goingToBuy,
      fields: { [demo.fields.expectedPurchaseDate]: '2026-03-16' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Answer>().nextTask).toMatchObject({
      template: { id: demo.templates.checkPurchase },
      dueAt: '2026-03-18T09:00:00.000Z',
    });
  });
});
