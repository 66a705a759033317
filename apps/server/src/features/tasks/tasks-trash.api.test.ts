import type { Board, Person, TaskList } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../../test/test-app.ts';

describe('tasks of a person in the trash', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leave the board and the lists with them, and come back on restore', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const person = (
      await org.owner.request('POST', '/api/persons', { firstName: 'Vera', lastName: 'Trash' })
    ).json<{ person: Person }>().person;
    const templates = (await org.owner.request('GET', '/api/settings/task-templates')).json<{
      items: Array<{ id: string; type: string }>;
    }>().items;
    const call = templates.find((x) => x.type === 'call')!;
    const created = await org.owner.request('POST', '/api/tasks', {
      templateId: call.id,
      contactId: person.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = created.json<{ id: string }>().id;

    const visible = async () => {
      const list = (await org.owner.request('GET', '/api/tasks')).json<TaskList>();
      const board = (await org.owner.request('GET', '/api/board')).json<Board>();
      const onBoard = board.columns.flatMap((c) => c.items).some((c) => c.id === taskId);
      const one = await org.owner.request('GET', `/api/tasks/${taskId}`);
      return { list: list.items.some((x) => x.id === taskId), onBoard, one: one.statusCode };
    };
    expect(await visible()).toEqual({ list: true, onBoard: true, one: 200 });

    expect((await org.owner.request('DELETE', `/api/persons/${person.id}`)).statusCode).toBe(204);
    expect(await visible()).toEqual({ list: false, onBoard: false, one: 404 });

    const restored = await org.owner.request('POST', `/api/persons/${person.id}/restore`);
    expect(restored.statusCode, restored.body).toBeLessThan(300);
    expect(await visible()).toEqual({ list: true, onBoard: true, one: 200 });
  });
});
