import { randomUUID } from 'node:crypto';
import type { Task } from '@spotter/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  useTestApp,
  type Client,
  type TestApp,
} from '../../../test/test-app.ts';
import { insertBranch } from '../branches/index.ts';
import { insertNotification } from '../notifications/index.ts';
import { insertPerson, seedTaskFixture } from '../tasks/tasks.fixtures.ts';
import { cookie, openStream, type Received } from './live.test-setup.ts';
import { publishEvent, type TaskAudience } from './publish.ts';

/** A task every staff member may see: no branch, not private. */
const EVERYONE: TaskAudience[] = [
  { branchId: null, private: false, creatorId: null, assigneeId: null },
];

describe('live events over SSE (T-12)', () => {
  const t = useTestApp();
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it("streams its organization's task events within a second, never another's", async () => {
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const sales = await createStaff(t.app, a, 'sales');
    const ownerA = await openStream(base, cookie(a.owner.cookie));
    const salesA = await openStream(base, cookie(sales.client.cookie));
    const ownerB = await openStream(base, cookie(b.owner.cookie));
    expect(ownerA.res.status).toBe(200);
    expect(ownerA.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(ownerA.res.headers.get('cache-control')).toBe('no-cache, no-transform');

    const taskA = randomUUID();
    const taskB = randomUUID();
    await publishEvent(t.app.db, b.orgId, {
      type: 'task.updated',
      taskId: taskB,
      audience: EVERYONE,
    });
    await publishEvent(t.app.db, a.orgId, {
      type: 'task.created',
      taskId: taskA,
      audience: EVERYONE,
    });
    const got = await ownerA.waitFor((e) => e.data.taskId === taskA);
    expect(got).toEqual({ event: 'task.created', data: { type: 'task.created', taskId: taskA } });
    await salesA.waitFor((e) => e.data.taskId === taskA);
    await ownerB.waitFor((e) => e.data.taskId === taskB);
    expect([...ownerA.events, ...salesA.events].map((e) => e.data.taskId)).not.toContain(taskB);
    expect(ownerB.events.map((e) => e.data.taskId)).not.toContain(taskA);

    // A notification reaches its recipient only (the later task event shows the rest caught up).
    await insertNotification(t.app.db, {
      orgId: a.orgId,
      userId: sales.id,
      kind: 'reminder',
      taskId: null,
    });
    const after = randomUUID();
    await publishEvent(t.app.db, a.orgId, {
      type: 'task.deleted',
      taskId: after,
      audience: EVERYONE,
    });
    const note = await salesA.waitFor((e) => e.event === 'notification.created');
    expect(note.data).toEqual({ type: 'notification.created', userId: sales.id });
    await ownerA.waitFor((e) => e.data.taskId === after);
    expect(ownerA.events.map((e) => e.event)).not.toContain('notification.created');
    for (const s of [ownerA, salesA, ownerB]) s.close();
  });

  it('needs a login with access to tasks; an API token gets task events', async () => {
    const org = await createOrg(t.app);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    const instructor = await createStaff(t.app, org, 'instructor');
    const refused = await fetch(`${base}/api/events`, {
      headers: cookie(instructor.client.cookie),
    });
    expect(refused.status).toBe(403);

    const made = await org.owner.request('POST', '/api/api-tokens', { name: 'Telephony' });
    const secret = made.json<{ secret: string }>().secret;
    const viaToken = await openStream(base, { authorization: `Bearer ${secret}` });
    expect(viaToken.res.status).toBe(200);
    const taskId = randomUUID();
    await publishEvent(t.app.db, org.orgId, { type: 'task.created', taskId, audience: EVERYONE });
    await viaToken.waitFor((e) => e.data.taskId === taskId);
    viaToken.close();
  });

  it('is documented as text/event-stream', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get: { responses: Record<string, { content: object }> } }>;
    }>();
    expect(Object.keys(doc.paths['/api/events']!.get.responses['200']!.content)).toEqual([
      'text/event-stream',
    ]);
  });
});

describe('who hears of a task (T-12)', () => {
  const t = useTestApp();
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it("sends a private task's events to its creator and assignee, a branch's to its staff", async () => {
    const org = await createOrg(t.app);
    const db = t.database.db;
    const fx = await seedTaskFixture(db, org.orgId);
    const north = await insertBranch(db, org.orgId, 'North');
    const south = await insertBranch(db, org.orgId, 'South');
    const reception = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const creator = await createStaff(t.app, org, 'sales');
    const receptionStream = await openStream(base, cookie(reception.client.cookie));
    const creatorStream = await openStream(base, cookie(creator.client.cookie));
    const ownerStream = await openStream(base, cookie(org.owner.cookie));
    const task = (client: Client, body: object) =>
      ok<Task>(client, 'POST', '/api/tasks', { templateId: fx.internal.id, ...body });

    const secret = await task(creator.client, { private: true, comment: 'Dentist at 15:00' });
    const inSouth = await task(org.owner, { branchId: south.id });
    const inNorth = await task(org.owner, { branchId: north.id });
    const noBranch = await task(org.owner, {});
    const southButHers = await task(org.owner, { branchId: south.id, assigneeId: reception.id });
    // Changes to tasks she cannot see do not reach her either.
    await ok(creator.client, 'POST', `/api/tasks/${secret.id}/take`, {});
    await ok(org.owner, 'PATCH', `/api/tasks/${inSouth.id}`, { comment: 'Call back' });
    // A task moved out of her branch reaches her once more, so her board lets it go.
    const leaving = await task(org.owner, { branchId: north.id });
    await ok(org.owner, 'PATCH', `/api/tasks/${leaving.id}`, { branchId: south.id });
    await ok(org.owner, 'PATCH', `/api/tasks/${leaving.id}`, { comment: 'South now' });
    expect((await org.owner.request('DELETE', `/api/tasks/${inSouth.id}`)).statusCode).toBe(204);
    // A round of the south branch reaches her when it calls persons of hers (each call takes
    // its person's branch), and not when it calls only the south's.
    const [northPerson, southPerson] = await Promise.all([
      insertPerson(db, org.orgId, { branchId: north.id }),
      insertPerson(db, org.orgId, { branchId: south.id }),
    ]);
    const round = (personIds: string[]) =>
      task(org.owner, { templateId: fx.round.id, branchId: south.id, personIds });
    const roundOfHers = await round([northPerson.id, southPerson.id]);
    const roundOfSouth = await round([southPerson.id]);
    // Events arrive in order: once this one is in, every earlier one would have been.
    await ok(org.owner, 'PATCH', `/api/tasks/${noBranch.id}`, { comment: 'Last' });
    const last = (e: Received) => e.event === 'task.updated' && e.data.taskId === noBranch.id;
    for (const s of [receptionStream, creatorStream, ownerStream]) await s.waitFor(last, 3000);

    const heard = (s: typeof ownerStream, id: string) =>
      s.events.filter((e) => e.data.taskId === id).map((e) => e.event);
    expect(heard(receptionStream, secret.id)).toEqual([]);
    expect(heard(receptionStream, inSouth.id)).toEqual([]);
    expect(heard(receptionStream, inNorth.id)).toEqual(['task.created']);
    expect(heard(receptionStream, southButHers.id)).toEqual(['task.created']);
    expect(heard(receptionStream, leaving.id)).toEqual(['task.created', 'task.updated']);
    expect(heard(receptionStream, roundOfHers.id)).toEqual(['task.created']);
    expect(heard(receptionStream, roundOfSouth.id)).toEqual([]);
    expect(heard(creatorStream, secret.id)).toEqual(['task.created', 'task.updated']);
    expect(heard(creatorStream, inSouth.id)).toEqual([
      'task.created',
      'task.updated',
      'task.deleted',
    ]);
    // Not even an owner hears of a colleague's private task.
    expect(heard(ownerStream, secret.id)).toEqual([]);
    expect(heard(ownerStream, leaving.id)).toEqual([
      'task.created',
      'task.updated',
      'task.updated',
    ]);

    // Her branches change: her stream ends, and the one she reconnects with follows the new ones.
    const changed = await org.owner.request('PATCH', `/api/users/${reception.id}`, {
      branchIds: [north.id, south.id],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await Promise.race([
      receptionStream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 3000)),
    ]);
    const again = await openStream(base, cookie(reception.client.cookie));
    await ok(org.owner, 'PATCH', `/api/tasks/${leaving.id}`, { comment: 'Seen again' });
    await again.waitFor((e) => e.data.taskId === leaving.id, 3000);
    for (const s of [again, creatorStream, ownerStream]) s.close();
  });
});

describe('closing the server with streams open', () => {
  it('ends the streams instead of waiting for browsers to hang up', async () => {
    const t: TestApp = await createTestApp();
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const org = await createOrg(t.app);
    const stream = await openStream(base, cookie(org.owner.cookie));
    expect(stream.res.status).toBe(200);
    const started = Date.now();
    await t.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
