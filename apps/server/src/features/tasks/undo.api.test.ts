import type { HistoryEntry, Task, TaskUndoResult } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createStaff, type Client } from '../../../test/test-app.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, getTask, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

const { t } = useTaskTestApp();

const restore = (client: Client, id: string) => client.request('POST', `/api/tasks/${id}/restore`);

async function historyEvents(client: Client, personId: string) {
  const res = await client.request('GET', `/api/persons/${personId}/history?limit=100`);
  return res.json<{ items: HistoryEntry[] }>().items.map((e) => e.event);
}

describe('undo a task deletion (issue 10)', () => {
  it('puts the task back as it was, for the one who deleted it, once', async () => {
    const { org, fx, db } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const person = await insertPerson(db, org.orgId);
    const task = await createTaskAs(seller.client, {
      templateId: fx.call.id,
      contactId: person.id,
      comment: 'Ask about the trial',
      dueAt: '2026-03-12T09:00:00Z',
      statusId: fx.statuses.working,
    });
    expect((await seller.client.request('DELETE', `/api/tasks/${task.id}`)).statusCode).toBe(204);
    expect((await seller.client.request('GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);

    // Nobody else can take back someone's deletion, not even the owner.
    expect((await restore(org.owner, task.id)).statusCode).toBe(404);
    const back = await restore(seller.client, task.id);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<Task>()).toEqual(task);
    expect(await getTask(seller.client, task.id)).toEqual(task);
    expect((await restore(seller.client, task.id)).statusCode).toBe(404);
  });

  it('brings back a round with its calls, and relinks a next step to a restored call', async () => {
    const { org, fx, db } = await taskOrg(t);
    const persons = [await insertPerson(db, org.orgId), await insertPerson(db, org.orgId)];
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: persons.map((p) => p.id),
    });
    const calls = (await org.owner.request('GET', `/api/tasks?parentId=${round.id}`)).json<{
      items: Task[];
    }>().items;
    const done = await org.owner.request('POST', `/api/tasks/${calls[0]!.id}/result`, {
      resultId: fx.results.goingToBuy,
      fields: { [fx.fields.purchaseDate]: '2026-03-14' },
    });
    const nextId = done.json<{ nextTask: Task }>().nextTask.id;

    expect((await org.owner.request('DELETE', `/api/tasks/${round.id}`)).statusCode).toBe(204);
    expect((await getTask(org.owner, nextId)).previousId).toBeNull();
    expect((await restore(org.owner, round.id)).json<Task>().round).toMatchObject({
      total: 2,
      done: 1,
    });
    expect((await getTask(org.owner, nextId)).previousId).toBe(calls[0]!.id);
    expect((await getTask(org.owner, calls[0]!.id)).next?.id).toBe(nextId);
  });

  it("refuses when the task's round was deleted since", async () => {
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const round = await createTaskAs(org.owner, {
      templateId: fx.round.id,
      personIds: [person.id],
    });
    const [call] = (await org.owner.request('GET', `/api/tasks?parentId=${round.id}`)).json<{
      items: Task[];
    }>().items;
    await org.owner.request('DELETE', `/api/tasks/${call!.id}`);
    await org.owner.request('DELETE', `/api/tasks/${round.id}`);
    const res = await restore(org.owner, call!.id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'cannot_restore' });
  });
});

describe('undo a result just entered (issue 10)', () => {
  async function completed() {
    const { org, fx, db } = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const call = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: person.id,
      statusId: fx.statuses.working,
    });
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.goingToBuy,
      fields: { [fx.fields.purchaseDate]: '2026-03-14' },
      comment: 'Will buy',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { task, nextTask } = res.json<{ task: Task; nextTask: Task }>();
    return { org, fx, person, call, task, next: nextTask };
  }

  it('reopens the task, drops its history line and the untouched next step', async () => {
    const { org, person, call, task, next } = await completed();
    expect(await historyEvents(org.owner, person.id)).toContain('task_result');
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const undone = res.json<TaskUndoResult>();
    expect(undone).toMatchObject({ removedNextId: next.id, keptNext: null });
    expect(undone.task).toMatchObject({
      completedAt: null,
      result: null,
      resultComment: '',
      next: null,
      status: { id: call.status!.id },
      dueAt: call.dueAt,
    });
    expect((await org.owner.request('GET', `/api/tasks/${next.id}`)).statusCode).toBe(404);
    expect(await historyEvents(org.owner, person.id)).not.toContain('task_result');
  });

  it('keeps a next step someone has worked on, and says so', async () => {
    const { org, call, task, next } = await completed();
    const edited = await org.owner.request('PATCH', `/api/tasks/${next.id}`, {
      comment: 'Called them already',
    });
    expect(edited.statusCode).toBe(200);
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version,
    });
    expect(res.json<TaskUndoResult>()).toMatchObject({
      removedNextId: null,
      keptNext: { id: next.id, comment: 'Called them already' },
    });
  });

  it('refuses a stale version, someone else, and an open task', async () => {
    const { org, call, task } = await completed();
    const stale = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const seller = await createStaff(t.app, org, 'sales');
    const other = await seller.client.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version,
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'not_yours' });
    const ok = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version,
    });
    expect(ok.statusCode).toBe(200);
    const again = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, {
      version: task.version + 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'not_completed' });
  });
});

describe('undo a contact deletion (issue 10)', () => {
  it('lets whoever deleted a person restore them; others need the admin permission', async () => {
    const { org } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const colleague = await createStaff(t.app, org, 'sales');
    const created = await seller.client.request('POST', '/api/persons', { firstName: 'Undo' });
    const id = created.json<{ person: { id: string } }>().person.id;
    expect((await seller.client.request('DELETE', `/api/persons/${id}`)).statusCode).toBe(204);
    const theirs = await colleague.client.request('POST', `/api/persons/${id}/restore`);
    expect(theirs.statusCode).toBe(403);
    const mine = await seller.client.request('POST', `/api/persons/${id}/restore`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect((await seller.client.request('GET', `/api/persons/${id}`)).statusCode).toBe(200);

    await colleague.client.request('DELETE', `/api/persons/${id}`);
    const admin = await org.owner.request('POST', `/api/persons/${id}/restore`);
    expect(admin.statusCode).toBe(200);
  });
});
