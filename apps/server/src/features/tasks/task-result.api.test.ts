import type { HistoryEntry, Task } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createStaff, type Client } from '../../../test/test-app.ts';
import { notifications } from '../notifications/index.ts';
import { taskResults } from '../task-settings/index.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { tasks } from './tasks.table.ts';
import {
  createTaskAs,
  getTask,
  taskOrg,
  useTaskTestApp,
  WEDNESDAY_10,
} from './tasks.test-setup.ts';

const { t, clock } = useTaskTestApp();

type Answer = { task: Task; nextTask: Task | null };
type ErrorBody = { code: string; message: string; fields: Record<string, string> };

async function historyOf(client: Client, personId: string) {
  const res = await client.request('GET', `/api/persons/${personId}/history?limit=50`);
  expect(res.statusCode).toBe(200);
  return res.json<{ items: HistoryEntry[] }>().items;
}

/** A call to a person whose responsible is `responsibleId`, assigned to `assigneeId`. */
async function callSetup(opts: Parameters<typeof taskOrg>[1] = {}) {
  const ctx = await taskOrg(t, opts);
  const reception = await createStaff(t.app, ctx.org, 'reception');
  const seller = await createStaff(t.app, ctx.org, 'sales');
  const person = await insertPerson(ctx.db, ctx.org.orgId, {
    displayName: 'Greta Lind',
    responsibleId: seller.id,
  });
  const call = await createTaskAs(ctx.org.owner, {
    templateId: ctx.fx.call.id,
    contactId: person.id,
    assigneeId: reception.id,
  });
  return { ...ctx, reception, seller, person, call };
}

describe('entering a result (T-4, T-5; acceptance 3)', () => {
  it('"going to buy" with its date completes, writes history and plans "check the purchase"', async () => {
    const { org, fx, reception, person, call } = await callSetup();
    const res = await reception.client.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.goingToBuy,
      fields: { [fx.fields.purchaseDate]: '2026-03-14', 'not-a-field': 'dropped' },
      comment: 'Will buy on Saturday',
      version: call.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { task, nextTask } = res.json<Answer>();
    expect(task).toMatchObject({
      id: call.id,
      completedAt: WEDNESDAY_10.toISOString(),
      completedBy: { id: reception.id },
      result: { id: fx.results.goingToBuy, name: 'Going to buy', color: '#1971c2' },
      resultFields: { [fx.fields.purchaseDate]: '2026-03-14' },
      resultComment: 'Will buy on Saturday',
      dueState: null,
      version: call.version + 1,
      next: { id: nextTask!.id, name: 'Fx check the purchase' },
    });
    expect(Object.keys(task.resultFields)).toEqual([fx.fields.purchaseDate]);
    expect(nextTask).toMatchObject({
      type: 'client',
      template: { id: fx.checkPurchase.id, name: 'Fx check the purchase' },
      contact: { id: person.id, name: 'Greta Lind' },
      // "same": whoever entered the result.
      assignee: { id: reception.id },
      creator: { id: reception.id },
      comment: 'Did they buy?',
      // Two days later at the start of the working day: Friday 13 March 10:00 in Stockholm.
      dueAt: new Date('2026-03-13T09:00:00Z').toISOString(),
      previousId: call.id,
      status: { id: fx.statuses.fresh },
      completedAt: null,
    });
    expect((await getTask(org.owner, call.id)).next).toEqual({
      id: nextTask!.id,
      name: 'Fx check the purchase',
      dueAt: nextTask!.dueAt,
    });

    const [entry] = await historyOf(org.owner, person.id);
    expect(entry).toMatchObject({
      event: 'task_result',
      text: 'Will buy on Saturday',
      author: { id: reception.id },
      data: {
        taskId: call.id,
        template: 'Fx personal call',
        result: 'Going to buy',
        fields: [{ label: 'Purchase date', value: '2026-03-14' }],
      },
    });
  });

  it('a missing required field is a 400 naming it; nothing is completed or written', async () => {
    const { org, fx, reception, person, call, db } = await callSetup();
    const res = await reception.client.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.goingToBuy,
      fields: { [fx.fields.purchaseDate]: '  ' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.fields).toEqual({ [`fields.${fx.fields.purchaseDate}`]: 'Required' });
    expect(body.message).toContain('Purchase date');
    expect((await getTask(org.owner, call.id)).completedAt).toBeNull();
    expect(await historyOf(org.owner, person.id)).toEqual([]);
    expect(await db.select().from(tasks).where(eq(tasks.previousId, call.id))).toEqual([]);
  });

  it('sends the next step to the responsible or a named user, as the workflow says', async () => {
    const toResponsible = await callSetup({ assignTo: 'responsible' });
    const r1 = await toResponsible.reception.client.request(
      'POST',
      `/api/tasks/${toResponsible.call.id}/result`,
      {
        resultId: toResponsible.fx.results.goingToBuy,
        fields: { [toResponsible.fx.fields.purchaseDate]: '2026-03-14' },
      },
    );
    expect(r1.json<Answer>().nextTask?.assignee?.id).toBe(toResponsible.seller.id);

    const named = await callSetup();
    const manager = await createStaff(t.app, named.org, 'manager');
    const stranger = await createStaff(t.app, (await taskOrg(t)).org, 'manager');
    const nextTo = (userId: string) =>
      named.db
        .update(taskResults)
        .set({
          next: {
            templateId: named.fx.checkPurchase.id,
            offset: { unit: 'hours', amount: 3 },
            assignTo: 'user',
            userId,
          },
        })
        .where(eq(taskResults.id, named.fx.results.goingToBuy));
    const enter = async (callId: string) => {
      const res = await named.reception.client.request('POST', `/api/tasks/${callId}/result`, {
        resultId: named.fx.results.goingToBuy,
        fields: { [named.fx.fields.purchaseDate]: '2026-03-14' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Answer>().nextTask!;
    };
    await nextTo(manager.id);
    const toManager = await enter(named.call.id);
    expect(toManager).toMatchObject({
      assignee: { id: manager.id },
      dueAt: new Date('2026-03-11T12:00:00Z').toISOString(),
    });
    const told = await named.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, manager.id));
    expect(told).toMatchObject([{ kind: 'assigned', taskId: toManager.id }]);

    // A user of another organization is no valid target: the step falls back to "same".
    await nextTo(stranger.id);
    const second = await createTaskAs(named.org.owner, {
      templateId: named.fx.call.id,
      contactId: named.person.id,
    });
    expect((await enter(second.id)).assignee?.id).toBe(named.reception.id);
  });

  it('"same" for an API token is the task\'s assignee; days land at 10:00 club time over DST', async () => {
    const { org, fx, reception, call } = await callSetup();
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Telephony' });
    const { secret } = created.json<{ secret: string }>();
    // Friday 27 March 10:00 CET; two days later is Sunday 29 March, summer time.
    clock.now = new Date('2026-03-27T09:00:00Z');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${call.id}/result`,
      headers: { authorization: `Bearer ${secret}` },
      payload: {
        resultId: fx.results.goingToBuy,
        fields: { [fx.fields.purchaseDate]: '2026-03-30' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { task, nextTask } = res.json<Answer>();
    expect(task.completedBy).toBeNull();
    expect(nextTask).toMatchObject({
      assignee: { id: reception.id },
      dueAt: new Date('2026-03-29T08:00:00Z').toISOString(),
    });
  });

  it('checks the result and each field type', async () => {
    const { org, fx, person, call, db } = await callSetup();
    const other = await taskOrg(t);
    const post = (body: object) => org.owner.request('POST', `/api/tasks/${call.id}/result`, body);
    const expect400 = async (body: object, field: string) => {
      const res = await post(body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(Object.keys(res.json<ErrorBody>().fields)).toEqual([field]);
    };
    const reason = `fields.${fx.fields.reason}`;
    await expect400({}, 'resultId');
    await expect400({ resultId: other.fx.results.booked }, 'resultId');
    await expect400({ resultId: crypto.randomUUID() }, 'resultId');
    await expect400({ resultId: fx.results.refusal }, reason);
    await expect400(
      { resultId: fx.results.refusal, fields: { [fx.fields.reason]: fx.reasons.archived } },
      reason,
    );
    await expect400(
      { resultId: fx.results.refusal, fields: { [fx.fields.reason]: 'Too far to travel' } },
      reason,
    );
    await expect400(
      { resultId: fx.results.goingToBuy, fields: { [fx.fields.purchaseDate]: '2026-02-30' } },
      `fields.${fx.fields.purchaseDate}`,
    );
    await expect400(
      { resultId: fx.results.thinking, fields: { [fx.fields.budget]: 'a lot' } },
      `fields.${fx.fields.budget}`,
    );
    await expect400({ resultId: fx.results.thinking, fields: { x: 'y'.repeat(2001) } }, 'fields.x');

    const refused = await post({
      resultId: fx.results.refusal,
      fields: { [fx.fields.reason]: fx.reasons.schedule },
      comment: 'Works evenings',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json<Answer>()).toMatchObject({
      task: { resultFields: { [fx.fields.reason]: fx.reasons.schedule } },
      nextTask: null,
    });
    const [entry] = await historyOf(org.owner, person.id);
    expect(entry?.data).toMatchObject({
      result: 'Refusal',
      fields: [{ label: 'Reason', value: 'Schedule does not fit' }],
    });
    expect(await db.select().from(tasks).where(eq(tasks.previousId, call.id))).toEqual([]);

    const twice = await post({ resultId: fx.results.booked });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().code).toBe('already_completed');
  });

  it('stores numbers and optional texts; a template without results completes with none', async () => {
    const { org, fx, call } = await callSetup();
    const thinking = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.thinking,
      fields: { [fx.fields.budget]: '450.5', [fx.fields.note]: ' Calls back after payday ' },
    });
    expect(thinking.json<Answer>().task.resultFields).toEqual({
      [fx.fields.note]: 'Calls back after payday',
      [fx.fields.budget]: 450.5,
    });
    const todo = await createTaskAs(org.owner, { templateId: fx.internal.id });
    const wrong = await org.owner.request('POST', `/api/tasks/${todo.id}/result`, {
      resultId: fx.results.booked,
    });
    expect(wrong.statusCode).toBe(400);
    const done = await org.owner.request('POST', `/api/tasks/${todo.id}/result`, {
      comment: 'Fixed',
    });
    expect(done.json<Answer>().task).toMatchObject({ result: null, resultComment: 'Fixed' });
  });

  it('stops a runaway chain at the loop guard but still completes the task', async () => {
    const { org, fx, call, db } = await callSetup();
    await db.update(tasks).set({ chainDepth: 49 }).where(eq(tasks.id, call.id));
    const body = {
      resultId: fx.results.goingToBuy,
      fields: { [fx.fields.purchaseDate]: '2026-03-14' },
    };
    const last = (
      await org.owner.request('POST', `/api/tasks/${call.id}/result`, body)
    ).json<Answer>();
    expect(last.nextTask).not.toBeNull();
    const [row] = await db.select().from(tasks).where(eq(tasks.id, last.nextTask!.id));
    expect(row?.chainDepth).toBe(50);

    // A call at depth 50 whose result would start step 51.
    const deep = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: call.contact!.id,
    });
    await db.update(tasks).set({ chainDepth: 50 }).where(eq(tasks.id, deep.id));
    const stopped = await org.owner.request('POST', `/api/tasks/${deep.id}/result`, body);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json<Answer>()).toMatchObject({
      task: { completedAt: WEDNESDAY_10.toISOString() },
      nextTask: null,
    });
  });
});
