import type { Task, TaskList } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createStaff } from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { notifications } from '../notifications/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { insertPerson } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp, WEDNESDAY_10 } from './tasks.test-setup.ts';

const { t } = useTaskTestApp();

const at = (iso: string) => new Date(iso).toISOString();

describe('creating tasks (T-1, T-2, T-3)', () => {
  it('fills the template defaults: assignee, comment and due offset from now', async () => {
    const { org, fx, db } = await taskOrg(t);
    const branch = await insertBranch(db, org.orgId, 'North');
    const person = await insertPerson(db, org.orgId, { branchId: branch.id });
    const task = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id });
    expect(task).toMatchObject({
      type: 'call',
      template: { id: fx.call.id, name: 'Fx personal call' },
      contact: { id: person.id, kind: 'person', name: person.displayName },
      assignee: { id: org.ownerId },
      creator: { id: org.ownerId },
      comment: 'Call and offer a trial',
      // 60 minutes after the pinned 10:00.
      dueAt: at('2026-03-11T10:00:00Z'),
      dueState: 'today',
      status: null,
      branchId: branch.id,
      private: false,
      version: 1,
      completedAt: null,
      createdAt: WEDNESDAY_10.toISOString(),
    });
    const explicit = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: person.id,
      comment: 'Asked for a call back',
      dueAt: null,
      statusId: fx.statuses.working,
    });
    expect(explicit).toMatchObject({
      comment: 'Asked for a call back',
      dueAt: null,
      dueState: null,
      status: { id: fx.statuses.working, name: 'Fx working' },
    });
  });

  it('takes the template default assignee, and notifies whoever else is given the task', async () => {
    const { org, fx, db } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const reception = await createStaff(t.app, org, 'reception');
    const instructor = await createStaff(t.app, org, 'instructor');
    const person = await insertPerson(db, org.orgId);
    const setDefault = (id: string) =>
      db
        .update(taskTemplates)
        .set({ defaultAssigneeId: id })
        .where(eq(taskTemplates.id, fx.call.id));

    await setDefault(seller.id);
    const defaulted = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: person.id,
    });
    expect(defaulted.assignee?.id).toBe(seller.id);
    const given = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: person.id,
      assigneeId: reception.id,
    });
    expect(given.assignee?.id).toBe(reception.id);
    // Someone who cannot see tasks is no default: the creator gets it.
    await setDefault(instructor.id);
    const fallback = await createTaskAs(org.owner, {
      templateId: fx.call.id,
      contactId: person.id,
    });
    expect(fallback.assignee?.id).toBe(org.ownerId);

    const sentTo = async (userId: string) =>
      db
        .select({
          kind: notifications.kind,
          taskId: notifications.taskId,
          text: notifications.text,
        })
        .from(notifications)
        .where(and(eq(notifications.orgId, org.orgId), eq(notifications.userId, userId)));
    const assigned = (taskId: string) => ({ kind: 'assigned', taskId, text: 'Fx personal call' });
    expect(await sentTo(seller.id)).toEqual([assigned(defaulted.id)]);
    expect(await sentTo(reception.id)).toEqual([assigned(given.id)]);
    expect(await sentTo(org.ownerId)).toEqual([]);
  });

  it('names every wrong field: the subject per type, private, assignee, status, branch', async () => {
    const { org, fx, db } = await taskOrg(t);
    const other = await taskOrg(t);
    const person = await insertPerson(db, org.orgId);
    const company = await insertPerson(db, org.orgId, { kind: 'company', displayName: 'Acme' });
    const foreign = await insertPerson(other.db, other.org.orgId);
    const instructor = await createStaff(t.app, org, 'instructor');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ templateId: fx.call.id }, 'contactId'],
      [{ templateId: fx.call.id, contactId: company.id }, 'contactId'],
      [{ templateId: fx.call.id, contactId: foreign.id }, 'contactId'],
      [{ templateId: fx.internal.id, contactId: person.id }, 'contactId'],
      [{ templateId: fx.client.id, contactId: person.id, private: true }, 'private'],
      [{ templateId: fx.call.id, contactId: person.id, assigneeId: instructor.id }, 'assigneeId'],
      [
        { templateId: fx.call.id, contactId: person.id, statusId: other.fx.statuses.fresh },
        'statusId',
      ],
      [{ templateId: fx.internal.id, branchId: crypto.randomUUID() }, 'branchId'],
      [{ templateId: other.fx.call.id, contactId: person.id }, 'templateId'],
      [{ templateId: fx.client.id, contactId: person.id, personIds: [person.id] }, 'personIds'],
    ];
    for (const [body, field] of cases) {
      const res = await org.owner.request('POST', '/api/tasks', body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json<{ fields: Record<string, string> }>().fields).toHaveProperty(field);
    }
    const companyTask = await createTaskAs(org.owner, {
      templateId: fx.client.id,
      contactId: company.id,
    });
    expect(companyTask.contact).toMatchObject({ kind: 'company', name: 'Acme' });
    const privateTodo = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      private: true,
    });
    expect(privateTodo).toMatchObject({ type: 'internal', contact: null, private: true });
  });

  it('needs tasks.write', async () => {
    const { org, fx } = await taskOrg(t);
    const instructor = await createStaff(t.app, org, 'instructor');
    const res = await instructor.client.request('POST', '/api/tasks', {
      templateId: fx.internal.id,
    });
    expect(res.statusCode).toBe(403);
    expect((await instructor.client.request('GET', '/api/tasks')).statusCode).toBe(403);
  });
});

describe('listing tasks (T-9)', () => {
  it('filters by state in the club calendar, assignee, search; sorts and pages', async () => {
    const { org, fx, db } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const zelda = await insertPerson(db, org.orgId, { displayName: 'Zelda Quist' });
    const other = await insertPerson(db, org.orgId, { displayName: 'Bo Ek' });
    const make = (dueAt: string | null, extra: Record<string, unknown> = {}) =>
      createTaskAs(org.owner, { templateId: fx.client.id, contactId: other.id, dueAt, ...extra });
    const overdue = await make(at('2026-03-11T07:00:00Z'));
    const today = await make(at('2026-03-11T15:00:00Z'), { contactId: zelda.id });
    const tomorrow = await make(at('2026-03-12T08:00:00Z'), { assigneeId: seller.id });
    const noDue = await make(null);
    const done = await createTaskAs(org.owner, {
      templateId: fx.internal.id,
      comment: 'Fix the garage door',
    });
    const completed = await org.owner.request('POST', `/api/tasks/${done.id}/result`, {});
    expect(completed.statusCode, completed.body).toBe(200);

    const ids = async (query: string) => {
      const res = await org.owner.request('GET', `/api/tasks?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TaskList>().items.map((i) => i.id);
    };
    expect(await ids('')).toEqual([overdue.id, today.id, tomorrow.id, noDue.id]);
    expect(await ids('state=overdue')).toEqual([overdue.id]);
    expect(await ids('state=today')).toEqual([today.id]);
    expect(await ids('state=done')).toEqual([done.id]);
    expect((await ids('state=all')).sort()).toEqual(
      [overdue.id, today.id, tomorrow.id, noDue.id, done.id].sort(),
    );
    expect(await ids('sort=-dueAt')).toEqual([tomorrow.id, today.id, overdue.id, noDue.id]);
    expect(await ids(`assigneeId=${seller.id}`)).toEqual([tomorrow.id]);
    expect(await ids('assigneeId=me')).toEqual([overdue.id, today.id, noDue.id]);
    expect(await ids('search=zelda')).toEqual([today.id]);
    expect(await ids('state=all&search=garage')).toEqual([done.id]);
    expect(await ids(`state=done&doneFrom=2026-03-11&doneTo=2026-03-11`)).toEqual([done.id]);
    expect(await ids(`state=done&doneFrom=2026-03-12`)).toEqual([]);
    expect(await ids(`contactId=${zelda.id}`)).toEqual([today.id]);
    expect(await ids(`templateId=${fx.internal.id}&state=all`)).toEqual([done.id]);

    const page = (await org.owner.request('GET', '/api/tasks?limit=2&offset=2')).json<TaskList>();
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.id)).toEqual([tomorrow.id, noDue.id]);
    expect(page.items[0]).toMatchObject({ dueState: 'later', assignee: { id: seller.id } });
    const first = (await org.owner.request('GET', '/api/tasks?limit=1')).json<TaskList>();
    expect(first.items[0]).toMatchObject({ id: overdue.id, dueState: 'overdue' });

    const unassign = await org.owner.request('PATCH', `/api/tasks/${noDue.id}`, {
      assigneeId: null,
    });
    expect(unassign.statusCode).toBe(200);
    expect(await ids('unassigned=true')).toEqual([noDue.id]);
  });
});

describe('editing and deleting (T-11)', () => {
  it('bumps the version, refuses a stale one unless forced, and re-opens', async () => {
    const { org, fx, db } = await taskOrg(t);
    const seller = await createStaff(t.app, org, 'sales');
    const person = await insertPerson(db, org.orgId);
    const task = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: person.id });
    const first = await org.owner.request('PATCH', `/api/tasks/${task.id}`, {
      comment: 'New note',
      version: 1,
    });
    expect(first.json<Task>()).toMatchObject({ comment: 'New note', version: 2 });
    const stale = await org.owner.request('PATCH', `/api/tasks/${task.id}`, {
      comment: 'Mine',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('version_conflict');
    const forced = await org.owner.request('PATCH', `/api/tasks/${task.id}`, {
      comment: 'Mine',
      version: 1,
      force: true,
      assigneeId: seller.id,
    });
    expect(forced.json<Task>()).toMatchObject({
      comment: 'Mine',
      version: 3,
      assignee: { id: seller.id },
    });
    const toSeller = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, seller.id));
    expect(toSeller).toMatchObject([{ kind: 'assigned', taskId: task.id }]);

    const wrongType = await org.owner.request('PATCH', `/api/tasks/${task.id}`, {
      templateId: fx.client.id,
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json<{ fields: object }>().fields).toHaveProperty('templateId');

    await org.owner.request('POST', `/api/tasks/${task.id}/result`, {
      resultId: fx.results.booked,
    });
    const reopened = await org.owner.request('PATCH', `/api/tasks/${task.id}`, { reopen: true });
    expect(reopened.json<Task>()).toMatchObject({
      completedAt: null,
      completedBy: null,
      result: null,
      dueState: 'today',
    });
  });

  it('deletes a task; a second delete and a read are 404', async () => {
    const { org, fx } = await taskOrg(t);
    const task = await createTaskAs(org.owner, { templateId: fx.internal.id });
    expect((await org.owner.request('DELETE', `/api/tasks/${task.id}`)).statusCode).toBe(204);
    expect((await org.owner.request('DELETE', `/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await org.owner.request('GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);
  });
});
