import type { Dictionary, TaskResult, TaskTemplate } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp } from '../../../test/test-app.ts';
import { defaultTemplate, insertTask } from './task-settings.test-setup.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('task results, their extra fields and next steps (T-4, T-5)', () => {
  const t = useTestApp();

  async function setup() {
    const org = await createOrg(t.app);
    const call = await defaultTemplate(org.owner, 'call');
    const dictionary = (
      await ok<{ items: Dictionary[] }>(org.owner, 'GET', '/api/settings/dictionaries')
    ).items[0]!;
    return { org, call, dictionary, url: `/api/settings/task-templates/${call.id}/results` };
  }

  it('adds a result with required fields and a workflow, assigning field ids', async () => {
    const { org, call, dictionary, url } = await setup();
    const check = await ok<TaskTemplate>(org.owner, 'POST', '/api/settings/task-templates', {
      type: 'call',
      name: 'Check the purchase',
    });
    const res = await org.owner.request('POST', url, {
      name: 'Going to buy',
      color: '#166534',
      background: '#dcfce7',
      fields: [
        { label: 'Expected purchase date', type: 'date', required: true },
        { label: 'Reason', type: 'choice', dictionaryId: dictionary.id },
        { label: 'Note', type: 'text', dictionaryId: dictionary.id },
      ],
      next: { templateId: check.id, offset: { unit: 'days', amount: 2 } },
    });
    expect(res.statusCode).toBe(201);
    const result = res.json<TaskResult>();
    expect(result).toMatchObject({
      templateId: call.id,
      name: 'Going to buy',
      position: 0,
      archived: false,
      next: {
        templateId: check.id,
        offset: { unit: 'days', amount: 2 },
        assignTo: 'same',
        userId: null,
      },
    });
    expect(result.fields.map((f) => [f.label, f.type, f.required, f.dictionaryId])).toEqual([
      ['Expected purchase date', 'date', true, null],
      ['Reason', 'choice', false, dictionary.id],
      // Only a choice field has a dictionary.
      ['Note', 'text', false, null],
    ]);
    expect(result.fields.every((f) => UUID.test(f.id))).toBe(true);
    expect((await defaultTemplate(org.owner, 'call')).results).toEqual([result]);
  });

  it('keeps field ids on edit, refuses unknown ones, replaces and clears the next step', async () => {
    const { org, call, url } = await setup();
    const sales = await createStaff(t.app, org, 'sales');
    const result = await ok<TaskResult>(org.owner, 'POST', url, {
      name: 'Booked a trial',
      fields: [
        { label: 'Trial date', type: 'date', required: true },
        { label: 'Groups', type: 'text' },
      ],
    });
    const [date, groups] = result.fields;
    const edited = await ok<TaskResult>(org.owner, 'PATCH', `${url}/${result.id}`, {
      name: 'Booked a trial class',
      fields: [
        { id: groups!.id, label: 'Activities and groups', type: 'text' },
        { id: date!.id, label: 'Trial date', type: 'date', required: true },
        { label: 'Visits', type: 'number' },
      ],
      next: {
        templateId: call.id,
        offset: { unit: 'next_working_day' },
        assignTo: 'user',
        userId: sales.id,
      },
    });
    expect(edited.name).toBe('Booked a trial class');
    expect(edited.fields.map((f) => f.id).slice(0, 2)).toEqual([groups!.id, date!.id]);
    expect(edited.fields[1]!.label).toBe('Trial date');
    expect(edited.fields[2]!.id).not.toBe(date!.id);
    expect(edited.next).toEqual({
      templateId: call.id,
      offset: { unit: 'next_working_day', amount: 0 },
      assignTo: 'user',
      userId: sales.id,
      fromFieldId: null,
    });

    const unknown = await org.owner.request('PATCH', `${url}/${result.id}`, {
      fields: [
        { id: crypto.randomUUID(), label: 'Forged', type: 'text' },
        { label: 'trial DATE', type: 'date' },
        { label: 'Trial date', type: 'date' },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual({
      'fields.0.id': 'Unknown field',
      'fields.2.label': 'Another field has this label',
    });

    const cleared = await ok<TaskResult>(org.owner, 'PATCH', `${url}/${result.id}`, {
      next: null,
    });
    expect(cleared.next).toBeNull();
    expect(cleared.fields).toEqual(edited.fields);
  });

  it('names the field of every bad reference in a result', async () => {
    const { org, call, url } = await setup();
    const other = await setup();
    const round = await defaultTemplate(org.owner, 'round');
    const archived = await ok<TaskTemplate>(org.owner, 'POST', '/api/settings/task-templates', {
      type: 'client',
      name: 'Old',
    });
    await ok(org.owner, 'PATCH', `/api/settings/task-templates/${archived.id}`, {
      archived: true,
    });
    const attempt = (body: object) => org.owner.request('POST', url, { name: 'R', ...body });
    const offset = { unit: 'days', amount: 1 };

    const cases: Array<[object, Record<string, string>]> = [
      [{ next: { templateId: round.id, offset } }, { 'next.templateId': expect.any(String) }],
      [{ next: { templateId: archived.id, offset } }, { 'next.templateId': expect.any(String) }],
      [
        { next: { templateId: other.call.id, offset } },
        { 'next.templateId': 'Unknown task template' },
      ],
      [
        { next: { templateId: call.id, offset, assignTo: 'user', userId: other.org.ownerId } },
        { 'next.userId': 'Unknown user' },
      ],
      [
        { next: { templateId: call.id, offset, assignTo: 'user' } },
        { 'next.userId': expect.any(String) },
      ],
      [
        { fields: [{ label: 'Why', type: 'choice', dictionaryId: other.dictionary.id }] },
        { 'fields.0.dictionaryId': 'Unknown dictionary' },
      ],
      [
        { fields: [{ label: 'Why', type: 'choice' }] },
        { 'fields.0.dictionaryId': expect.any(String) },
      ],
      [
        { next: { templateId: call.id, offset: { unit: 'weeks', amount: 1 } } },
        { 'next.offset.unit': expect.any(String) },
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await attempt(body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json().fields).toEqual(fields);
    }
    const dup = await attempt({});
    expect(dup.statusCode).toBe(201);
    const again = await attempt({ name: 'r' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields).toHaveProperty('name');
    // The same name under another template is fine.
    const internal = await defaultTemplate(org.owner, 'internal');
    const elsewhere = await org.owner.request(
      'POST',
      `/api/settings/task-templates/${internal.id}/results`,
      { name: 'R' },
    );
    expect(elsewhere.statusCode).toBe(201);
  });

  it('counts a next step only from a date field of the same result (issue 10)', async () => {
    const { org, call, url } = await setup();
    const fields = [
      { label: 'Note', type: 'text' },
      { label: 'Planned date', type: 'date', required: true },
    ];
    const next = { templateId: call.id, offset: { unit: 'days', amount: 2 } };
    const created = await ok<TaskResult>(org.owner, 'POST', url, {
      name: 'Going to buy',
      fields,
      next: { ...next, fromFieldIndex: 1 },
    });
    const [note, planned] = created.fields;
    expect(created.next).toEqual({
      ...next,
      assignTo: 'same',
      userId: null,
      fromFieldId: planned!.id,
    });
    const other = await ok<TaskResult>(org.owner, 'POST', url, {
      name: 'Booked',
      fields: [{ label: 'Trial date', type: 'date' }],
    });

    const patch = (body: object) => org.owner.request('PATCH', `${url}/${created.id}`, body);
    const cases: Array<[object, Record<string, string>]> = [
      [{ next: { ...next, fromFieldId: note!.id } }, { 'next.fromFieldId': 'wrong_kind' }],
      [
        { next: { ...next, fromFieldId: other.fields[0]!.id } },
        { 'next.fromFieldId': 'unknown_reference' },
      ],
      [{ next: { ...next, fromFieldIndex: 5 } }, { 'next.fromFieldIndex': 'unknown_reference' }],
      [
        { next: { ...next, fromFieldId: planned!.id, fromFieldIndex: 1 } },
        { 'next.fromFieldIndex': 'not_allowed' },
      ],
      // The kept next step counts from the field this save would remove or retype.
      [{ fields: [{ id: note!.id, ...fields[0] }] }, { 'next.fromFieldId': 'unknown_reference' }],
      [
        { fields: [fields[0], { id: planned!.id, label: 'Planned', type: 'text' }] },
        { 'next.fromFieldId': 'wrong_kind' },
      ],
    ];
    for (const [body, codes] of cases) {
      const res = await patch(body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(res.json().fieldCodes).toEqual(codes);
    }
    expect((await defaultTemplate(org.owner, 'call')).results[0]).toEqual(created);

    // Removing the field and the base together is fine; so is counting from entry again.
    const moved = await ok<TaskResult>(org.owner, 'PATCH', `${url}/${created.id}`, {
      fields: [{ id: note!.id, ...fields[0] }],
      next: { ...next, fromFieldId: null },
    });
    expect(moved.fields).toEqual([note]);
    expect(moved.next?.fromFieldId).toBeNull();
  });

  it('deletes an unused result, archives one completed tasks hold', async () => {
    const { org, call, url } = await setup();
    const unused = await ok<TaskResult>(org.owner, 'POST', url, { name: 'Unused' });
    const used = await ok<TaskResult>(org.owner, 'POST', url, { name: 'Used' });
    await insertTask(t.database.db, {
      orgId: org.orgId,
      templateId: call.id,
      resultId: used.id,
      completedAt: new Date(),
    });
    const unusedDel = await org.owner.request('DELETE', `${url}/${unused.id}`);
    expect(unusedDel.json()).toEqual({ archived: false });
    const usedDel = await org.owner.request('DELETE', `${url}/${used.id}`);
    expect(usedDel.json()).toEqual({ archived: true });
    const one = await ok<TaskTemplate>(
      org.owner,
      'GET',
      `/api/settings/task-templates/${call.id}?includeArchived=true`,
    );
    expect(one.results.map((r) => [r.name, r.archived])).toEqual([['Used', true]]);
    // Restoring an archived result brings it back into the list staff pick from.
    await ok(org.owner, 'PATCH', `${url}/${used.id}`, { archived: false });
    expect((await defaultTemplate(org.owner, 'call')).results.map((r) => r.name)).toEqual(['Used']);
  });

  it('answers 404 for a result addressed through another template', async () => {
    const { org, url } = await setup();
    const result = await ok<TaskResult>(org.owner, 'POST', url, { name: 'Mine' });
    const internal = await defaultTemplate(org.owner, 'internal');
    const wrong = `/api/settings/task-templates/${internal.id}/results/${result.id}`;
    expect((await org.owner.request('PATCH', wrong, { name: 'X' })).statusCode).toBe(404);
    expect((await org.owner.request('DELETE', wrong)).statusCode).toBe(404);
    const missing = `/api/settings/task-templates/${crypto.randomUUID()}/results`;
    expect((await org.owner.request('POST', missing, { name: 'X' })).statusCode).toBe(404);
  });
});
