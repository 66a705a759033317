import type { Dictionary, TaskResult, TaskStatus } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, ok, useTestApp } from '../../../test/test-app.ts';
import {
  completeTask,
  defaultTemplate,
  insertTask,
  statusesOf,
} from './task-settings.test-setup.ts';

type List<T> = { items: T[] };

describe('task statuses (T-6)', () => {
  const t = useTestApp();

  it('creates, reorders, renames, archives and restores a status', async () => {
    const org = await createOrg(t.app);
    expect((await statusesOf(org.owner)).map((s) => [s.name, s.position])).toEqual([
      ['Planned', 0],
      ['In progress', 1],
      ['Waiting for reply', 2],
    ]);
    const created = await org.owner.request('POST', '/api/settings/task-statuses', {
      name: ' Call booked ',
      color: '#FFF',
    });
    expect(created.statusCode).toBe(201);
    const status = created.json<TaskStatus>();
    expect(status).toMatchObject({
      name: 'Call booked',
      color: '#fff',
      background: '#e5e7eb',
      position: 3,
      archived: false,
    });
    await ok(org.owner, 'PATCH', `/api/settings/task-statuses/${status.id}`, {
      position: 0,
      name: 'Booked',
    });
    expect((await statusesOf(org.owner)).map((s) => s.name)).toEqual([
      'Booked',
      'Planned',
      'In progress',
      'Waiting for reply',
    ]);
    await ok(org.owner, 'PATCH', `/api/settings/task-statuses/${status.id}`, { archived: true });
    expect((await statusesOf(org.owner)).map((s) => s.id)).not.toContain(status.id);
    expect((await statusesOf(org.owner, true)).find((s) => s.id === status.id)?.archived).toBe(
      true,
    );
    const dup = await org.owner.request('POST', '/api/settings/task-statuses', {
      name: 'planned',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toHaveProperty('name');
  });

  it('archives a status open tasks show, deletes one only completed tasks had', async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const call = await defaultTemplate(org.owner, 'call');
    const [planned, inProgress, waiting] = await statusesOf(org.owner);
    await insertTask(db, { orgId: org.orgId, templateId: call.id, statusId: planned!.id });
    const done = await insertTask(db, {
      orgId: org.orgId,
      templateId: call.id,
      statusId: inProgress!.id,
    });
    await completeTask(db, done.id);

    const del = (id: string) => org.owner.request('DELETE', `/api/settings/task-statuses/${id}`);
    expect((await del(planned!.id)).json()).toEqual({ archived: true });
    expect((await del(inProgress!.id)).json()).toEqual({ archived: false });
    expect((await del(waiting!.id)).json()).toEqual({ archived: false });
    expect((await del(waiting!.id)).statusCode).toBe(404);
    expect((await statusesOf(org.owner, true)).map((s) => [s.name, s.archived])).toEqual([
      ['Planned', true],
    ]);
  });
});

describe('dictionaries for choice fields (T-4)', () => {
  const t = useTestApp();

  const list = async (org: Awaited<ReturnType<typeof createOrg>>) =>
    (
      await ok<List<Dictionary>>(
        org.owner,
        'GET',
        '/api/settings/dictionaries?includeArchived=true',
      )
    ).items;

  it('starts with the refusal reasons of seed 004', async () => {
    const org = await createOrg(t.app);
    const [refusal, ...rest] = await list(org);
    expect(rest).toEqual([]);
    expect(refusal).toMatchObject({ name: 'Refusal reasons', archived: false, version: 1 });
    expect(refusal!.options.map((o) => o.name)).toEqual([
      'Too far to travel',
      'Interested in other activities',
      'Schedule does not fit',
      'Other',
    ]);
  });

  it('keeps option ids when editing, gives new options ids, guards the version', async () => {
    const org = await createOrg(t.app);
    const created = await org.owner.request('POST', '/api/settings/dictionaries', {
      name: 'Preferred time',
      options: [{ name: 'Morning' }, { name: 'Evening' }],
    });
    expect(created.statusCode).toBe(201);
    const dict = created.json<Dictionary>();
    const [morning, evening] = dict.options;
    const edited = await ok<Dictionary>(
      org.owner,
      'PATCH',
      `/api/settings/dictionaries/${dict.id}`,
      {
        name: 'Preferred training time',
        options: [
          { id: evening!.id, name: 'Evenings' },
          { id: morning!.id, name: 'Mornings', archived: true },
          { name: 'Weekends' },
        ],
        version: 1,
      },
    );
    expect(edited.version).toBe(2);
    expect(edited.options.map((o) => [o.id, o.name, o.archived])).toEqual([
      [evening!.id, 'Evenings', false],
      [morning!.id, 'Mornings', true],
      [expect.any(String), 'Weekends', false],
    ]);
    expect([morning!.id, evening!.id]).not.toContain(edited.options[2]!.id);

    const stale = await org.owner.request('PATCH', `/api/settings/dictionaries/${dict.id}`, {
      name: 'Lost',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');

    const bad = await org.owner.request('PATCH', `/api/settings/dictionaries/${dict.id}`, {
      options: [{ id: crypto.randomUUID(), name: 'A' }, { name: 'b' }, { name: 'B' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({
      'options.0.id': 'Unknown option',
      'options.2.name': 'Another option has this name',
    });
    const dup = await org.owner.request('POST', '/api/settings/dictionaries', {
      name: 'refusal REASONS',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields).toHaveProperty('name');
  });

  it('keeps a removed option that completed tasks store, archived', async () => {
    const org = await createOrg(t.app);
    const [refusal] = await list(org);
    // "Interested in other activities" and "Schedule does not fit" were never stored: they go.
    const [far, , , misc] = refusal!.options;
    const call = await defaultTemplate(org.owner, 'call');
    const result = await ok<TaskResult>(
      org.owner,
      'POST',
      `/api/settings/task-templates/${call.id}/results`,
      {
        name: 'Conditional refusal',
        fields: [{ label: 'Reason', type: 'choice', required: true, dictionaryId: refusal!.id }],
      },
    );
    await insertTask(t.database.db, {
      orgId: org.orgId,
      templateId: call.id,
      resultId: result.id,
      resultFields: { [result.fields[0]!.id]: far!.id },
      completedAt: new Date(),
    });
    const edited = await ok<Dictionary>(
      org.owner,
      'PATCH',
      `/api/settings/dictionaries/${refusal!.id}`,
      { options: [{ id: misc!.id, name: misc!.name }] },
    );
    expect(edited.options.map((o) => [o.id, o.archived])).toEqual([
      [misc!.id, false],
      [far!.id, true],
    ]);
  });

  it('refuses to delete a dictionary a result uses, naming the result; deletes an unused one', async () => {
    const org = await createOrg(t.app);
    const [refusal] = await list(org);
    const call = await defaultTemplate(org.owner, 'call');
    await ok(org.owner, 'POST', `/api/settings/task-templates/${call.id}/results`, {
      name: 'Conditional refusal',
      fields: [{ label: 'Reason', type: 'choice', dictionaryId: refusal!.id }],
    });
    const refused = await org.owner.request('DELETE', `/api/settings/dictionaries/${refusal!.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('in_use');
    expect(refused.json().message).toContain('“Conditional refusal” (Personal call)');

    // Archived, it stays valid for the field that has it, but no new field may pick it.
    await ok(org.owner, 'PATCH', `/api/settings/dictionaries/${refusal!.id}`, { archived: true });
    const active = await ok<List<Dictionary>>(org.owner, 'GET', '/api/settings/dictionaries');
    expect(active.items).toEqual([]);
    const newUse = await org.owner.request(
      'POST',
      `/api/settings/task-templates/${call.id}/results`,
      { name: 'Other', fields: [{ label: 'Why', type: 'choice', dictionaryId: refusal!.id }] },
    );
    expect(newUse.json().fields).toEqual({
      'fields.0.dictionaryId': 'This dictionary is archived',
    });

    const unused = await ok<Dictionary>(org.owner, 'POST', '/api/settings/dictionaries', {
      name: 'Unused',
    });
    const gone = await org.owner.request('DELETE', `/api/settings/dictionaries/${unused.id}`);
    expect(gone.statusCode).toBe(204);
    expect((await list(org)).map((d) => d.name)).toEqual(['Refusal reasons']);
  });
});
