import type { Dictionary, TaskResult, TaskStatus, TaskTemplate } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  ok,
  useTestApp,
  type Method,
  type TestOrg,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { defaultTemplate } from './task-settings.test-setup.ts';

const TEMPLATES = '/api/settings/task-templates';

describe('who may read and change task settings', () => {
  const t = useTestApp();

  it('lets staff read (they create tasks from templates) and only admins write', async () => {
    const org = await createOrg(t.app);
    const call = await defaultTemplate(org.owner, 'call');
    const result = await ok<TaskResult>(org.owner, 'POST', `${TEMPLATES}/${call.id}/results`, {
      name: 'Thinking',
    });
    const status = (
      await ok<{ items: TaskStatus[] }>(org.owner, 'GET', '/api/settings/task-statuses')
    ).items[0]!;
    const dictionary = (
      await ok<{ items: Dictionary[] }>(org.owner, 'GET', '/api/settings/dictionaries')
    ).items[0]!;
    const reads = [
      TEMPLATES,
      `${TEMPLATES}/${call.id}`,
      '/api/settings/task-statuses',
      '/api/settings/dictionaries',
    ];
    const writes: Array<[Method, string, object?]> = [
      ['POST', TEMPLATES, { type: 'call', name: 'Mine' }],
      ['PATCH', `${TEMPLATES}/${call.id}`, { name: 'Mine' }],
      ['DELETE', `${TEMPLATES}/${call.id}`],
      ['POST', `${TEMPLATES}/${call.id}/results`, { name: 'Mine' }],
      ['PATCH', `${TEMPLATES}/${call.id}/results/${result.id}`, { name: 'Mine' }],
      ['DELETE', `${TEMPLATES}/${call.id}/results/${result.id}`],
      ['POST', '/api/settings/task-statuses', { name: 'Mine' }],
      ['PATCH', `/api/settings/task-statuses/${status.id}`, { name: 'Mine' }],
      ['DELETE', `/api/settings/task-statuses/${status.id}`],
      ['POST', '/api/settings/dictionaries', { name: 'Mine' }],
      ['PATCH', `/api/settings/dictionaries/${dictionary.id}`, { name: 'Mine' }],
      ['DELETE', `/api/settings/dictionaries/${dictionary.id}`],
    ];
    for (const role of ['sales', 'reception', 'manager'] as const) {
      const staff = await createStaff(t.app, org, role);
      for (const url of reads) {
        expect({ role, url, status: (await staff.client.request('GET', url)).statusCode }).toEqual({
          role,
          url,
          status: 200,
        });
      }
      for (const [method, url, body] of writes) {
        const res = await staff.client.request(method, url, body);
        expect({ role, method, url, status: res.statusCode }).toEqual({
          role,
          method,
          url,
          status: 403,
        });
      }
    }
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', TEMPLATES)).statusCode).toBe(403);
    // Nothing changed underneath the refusals.
    const after = await ok<TaskTemplate>(org.owner, 'GET', `${TEMPLATES}/${call.id}`);
    expect(after).toMatchObject({ name: call.name, version: call.version });
    expect(after.results.map((r) => r.name)).toEqual(['Thinking']);

    const admin = await createStaff(t.app, org, 'admin');
    const made = await admin.client.request('POST', TEMPLATES, {
      type: 'client',
      name: 'By admin',
    });
    expect(made.statusCode).toBe(201);
  });
});

describe('task settings of another organization', () => {
  const t = useTestApp();

  const readTemplates = async (org: TestOrg) =>
    (await org.owner.request('GET', `${TEMPLATES}?includeArchived=true`)).json();

  it('hides and protects templates', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await ok<TaskTemplate>(org.owner, 'POST', TEMPLATES, { type: 'client', name: 'Theirs' }))
          .id,
      routes: [
        { method: 'GET', path: `${TEMPLATES}/:id` },
        { method: 'PATCH', path: `${TEMPLATES}/:id`, body: { name: 'Mine' } },
        { method: 'PATCH', path: `${TEMPLATES}/:id`, body: { archived: true } },
        { method: 'DELETE', path: `${TEMPLATES}/:id` },
        { method: 'POST', path: `${TEMPLATES}/:id/results`, body: { name: 'Mine' } },
      ],
      lists: [`${TEMPLATES}?includeArchived=true`],
      read: readTemplates,
    });
  });

  it('hides and protects results, even through one’s own template', async () => {
    let theirTemplate = '';
    const { mine, theirs, theirId } = await expectTenantIsolation(t.app, {
      create: async (org) => {
        theirTemplate = (await defaultTemplate(org.owner, 'call')).id;
        return (
          await ok<TaskResult>(org.owner, 'POST', `${TEMPLATES}/${theirTemplate}/results`, {
            name: 'Theirs',
          })
        ).id;
      },
      // Read after `create`, so the paths can carry the other organization's template id.
      get routes() {
        const path = `${TEMPLATES}/${theirTemplate}/results/:id`;
        return [
          { method: 'PATCH' as const, path, body: { name: 'Mine' } },
          { method: 'DELETE' as const, path },
        ];
      },
      read: readTemplates,
    });
    const myCall = await defaultTemplate(mine.owner, 'call');
    const path = `${TEMPLATES}/${myCall.id}/results/${theirId}`;
    expect((await mine.owner.request('PATCH', path, { name: 'Mine' })).statusCode).toBe(404);
    expect((await mine.owner.request('DELETE', path)).statusCode).toBe(404);
    const theirCall = await defaultTemplate(theirs.owner, 'call');
    expect(theirCall.results.map((r) => r.name)).toEqual(['Theirs']);
  });

  it('hides and protects statuses', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (await ok<TaskStatus>(org.owner, 'POST', '/api/settings/task-statuses', { name: 'Theirs' }))
          .id,
      routes: [
        { method: 'PATCH', path: '/api/settings/task-statuses/:id', body: { name: 'Mine' } },
        { method: 'PATCH', path: '/api/settings/task-statuses/:id', body: { archived: true } },
        { method: 'DELETE', path: '/api/settings/task-statuses/:id' },
      ],
      lists: ['/api/settings/task-statuses?includeArchived=true'],
      read: async (org) =>
        (await org.owner.request('GET', '/api/settings/task-statuses?includeArchived=true')).json(),
    });
  });

  it('hides and protects dictionaries', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) =>
        (
          await ok<Dictionary>(org.owner, 'POST', '/api/settings/dictionaries', {
            name: 'Theirs',
            options: [{ name: 'A' }],
          })
        ).id,
      routes: [
        { method: 'PATCH', path: '/api/settings/dictionaries/:id', body: { name: 'Mine' } },
        { method: 'PATCH', path: '/api/settings/dictionaries/:id', body: { options: [] } },
        { method: 'DELETE', path: '/api/settings/dictionaries/:id' },
      ],
      lists: ['/api/settings/dictionaries?includeArchived=true'],
      read: async (org) =>
        (await org.owner.request('GET', '/api/settings/dictionaries?includeArchived=true')).json(),
    });
  });
});
