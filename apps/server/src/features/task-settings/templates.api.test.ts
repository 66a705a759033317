import type { TaskResult, TaskTemplate } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp } from '../../../test/test-app.ts';
import { defaultTemplate, insertTask, templatesOf } from './task-settings.test-setup.ts';

describe('task templates (T-3)', () => {
  const t = useTestApp();

  it('gives a new organization one default template per type, the round calling with the personal call', async () => {
    const org = await createOrg(t.app);
    const items = await templatesOf(org.owner);
    expect(items.map((i) => [i.type, i.name, i.isDefault])).toEqual([
      ['internal', 'Internal task', true],
      ['client', 'Other client task', true],
      ['call', 'Personal call', true],
      ['round', 'Call round', true],
    ]);
    const call = items.find((i) => i.type === 'call')!;
    expect(items.find((i) => i.type === 'round')!.callTemplateId).toBe(call.id);
    expect(new Set(items.map((i) => i.background)).size).toBe(4);
    expect(items.every((i) => i.version === 1 && !i.archived && i.results.length === 0)).toBe(true);
  });

  it('creates, reads, edits with a version and archives a template', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const created = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'client',
      name: ' Send the schedule ',
      defaultComment: 'Evening groups first',
      defaultAssigneeId: sales.id,
      dueOffsetMinutes: 120,
      color: '#FFFFFF',
      background: '#123456',
    });
    expect(created.statusCode).toBe(201);
    const template = created.json<TaskTemplate>();
    expect(template).toMatchObject({
      type: 'client',
      name: 'Send the schedule',
      defaultComment: 'Evening groups first',
      defaultAssigneeId: sales.id,
      dueOffsetMinutes: 120,
      color: '#ffffff',
      callTemplateId: null,
      position: 4,
      isDefault: false,
      archived: false,
      results: [],
      version: 1,
    });
    const read = await ok<TaskTemplate>(
      org.owner,
      'GET',
      `/api/settings/task-templates/${template.id}`,
    );
    expect(read).toEqual(template);

    const edited = await org.owner.request('PATCH', `/api/settings/task-templates/${template.id}`, {
      name: 'Send the timetable',
      dueOffsetMinutes: null,
      defaultAssigneeId: null,
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<TaskTemplate>()).toMatchObject({
      name: 'Send the timetable',
      dueOffsetMinutes: null,
      defaultAssigneeId: null,
      version: 2,
    });

    const stale = await org.owner.request('PATCH', `/api/settings/task-templates/${template.id}`, {
      name: 'Lost update',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await templatesOf(org.owner)).find((i) => i.id === template.id)?.name).toBe(
      'Send the timetable',
    );

    await ok(org.owner, 'PATCH', `/api/settings/task-templates/${template.id}`, { archived: true });
    expect((await templatesOf(org.owner)).map((i) => i.id)).not.toContain(template.id);
    const all = await templatesOf(org.owner, true);
    expect(all.find((i) => i.id === template.id)).toMatchObject({ archived: true, version: 3 });
  });

  it('refuses a taken name, bad references and a call template outside a round', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const call = await defaultTemplate(org.owner, 'call');
    const internal = await defaultTemplate(org.owner, 'internal');
    const dup = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'call',
      name: 'PERSONAL CALL',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'name_taken', fields: { name: expect.any(String) } });

    const foreignUser = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'client',
      name: 'X',
      defaultAssigneeId: other.ownerId,
    });
    expect(foreignUser.statusCode).toBe(400);
    expect(foreignUser.json().fields).toEqual({ defaultAssigneeId: 'Unknown user' });

    const notRound = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'call',
      name: 'Y',
      callTemplateId: call.id,
    });
    expect(notRound.statusCode).toBe(400);
    expect(Object.keys(notRound.json().fields)).toEqual(['callTemplateId']);

    const notACall = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'round',
      name: 'Z',
      callTemplateId: internal.id,
    });
    expect(notACall.json().fields).toEqual({ callTemplateId: 'Pick a personal call template' });

    const bad = await org.owner.request('POST', '/api/settings/task-templates', {
      type: 'meeting',
      name: '',
      color: 'red',
      extra: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(
      expect.arrayContaining(['type', 'name', 'color', 'extra']),
    );

    const round = await ok<TaskTemplate>(org.owner, 'POST', '/api/settings/task-templates', {
      type: 'round',
      name: 'Autumn round',
      callTemplateId: call.id,
    });
    expect(round.callTemplateId).toBe(call.id);
    const typeChange = await org.owner.request(
      'PATCH',
      `/api/settings/task-templates/${round.id}`,
      { type: 'call' },
    );
    expect(typeChange.json().fields).toEqual({ type: 'Unknown field' });
  });

  it('keeps the default of each type: no delete, no archive', async () => {
    const org = await createOrg(t.app);
    const call = await defaultTemplate(org.owner, 'call');
    const del = await org.owner.request('DELETE', `/api/settings/task-templates/${call.id}`);
    expect(del.statusCode).toBe(422);
    expect(del.json().code).toBe('default_template');
    const archive = await org.owner.request('PATCH', `/api/settings/task-templates/${call.id}`, {
      archived: true,
    });
    expect(archive.statusCode).toBe(422);
    const renamed = await ok<TaskTemplate>(
      org.owner,
      'PATCH',
      `/api/settings/task-templates/${call.id}`,
      { name: 'Call the client' },
    );
    expect(renamed).toMatchObject({ name: 'Call the client', isDefault: true });
  });

  it('deletes an unused template, archives one tasks or workflows use', async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const make = (name: string) =>
      ok<TaskTemplate>(org.owner, 'POST', '/api/settings/task-templates', { type: 'call', name });
    const unused = await make('Unused');
    const used = await make('Used by a task');
    const next = await make('A next step');
    const resultUsed = await make('Its result is used');
    await insertTask(db, { orgId: org.orgId, templateId: used.id, completedAt: new Date() });
    const call = await defaultTemplate(org.owner, 'call');
    await ok(org.owner, 'POST', `/api/settings/task-templates/${call.id}/results`, {
      name: 'Thinking',
      next: { templateId: next.id, offset: { unit: 'days', amount: 2 } },
    });
    const result = await ok<TaskResult>(
      org.owner,
      'POST',
      `/api/settings/task-templates/${resultUsed.id}/results`,
      { name: 'Done' },
    );
    // A round's sub-call made from another template, holding this template's result.
    await insertTask(db, { orgId: org.orgId, templateId: call.id, resultId: result.id });

    const del = (id: string) => org.owner.request('DELETE', `/api/settings/task-templates/${id}`);
    expect((await del(unused.id)).json()).toEqual({ archived: false });
    expect((await del(unused.id)).statusCode).toBe(404);
    for (const template of [used, next, resultUsed]) {
      const res = await del(template.id);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ archived: true });
    }
    const all = await templatesOf(org.owner, true);
    expect(all.filter((i) => i.archived).map((i) => i.name)).toEqual([
      'Used by a task',
      'A next step',
      'Its result is used',
    ]);
    expect(all.find((i) => i.id === resultUsed.id)!.results.map((r) => r.id)).toEqual([result.id]);
  });

  it('lists results by position, archived ones only on request', async () => {
    const org = await createOrg(t.app);
    const call = await defaultTemplate(org.owner, 'call');
    const url = `/api/settings/task-templates/${call.id}/results`;
    const a = await ok<TaskResult>(org.owner, 'POST', url, { name: 'A' });
    const b = await ok<TaskResult>(org.owner, 'POST', url, { name: 'B' });
    const c = await ok<TaskResult>(org.owner, 'POST', url, { name: 'C', position: 0 });
    await ok(org.owner, 'PATCH', `${url}/${b.id}`, { archived: true });
    expect([a.position, b.position]).toEqual([0, 1]);
    const active = (await defaultTemplate(org.owner, 'call')).results;
    expect(active.map((r) => r.name)).toEqual(['A', 'C']);
    const one = await ok<TaskTemplate>(
      org.owner,
      'GET',
      `/api/settings/task-templates/${call.id}?includeArchived=true`,
    );
    expect(one.results.map((r) => [r.name, r.archived])).toEqual([
      ['A', false],
      ['C', false],
      ['B', true],
    ]);
    expect(c.position).toBe(0);
  });
});
