import type { HistoryEntry, Task } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../test/test-app.ts';
import { insertPerson, linkGuardian } from './tasks.fixtures.ts';
import { createTaskAs, getTask, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

/** Issue 17: calls and tasks about a child go to their primary guardian; both histories say so. */
const { t } = useTaskTestApp();

async function historyOf(client: Client, personId: string) {
  const res = await client.request('GET', `/api/persons/${personId}/history?limit=50`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: HistoryEntry[] }>().items;
}

const results = (items: HistoryEntry[]) => items.filter((h) => h.event === 'task_result');

/** A family: a 7-year-old (on WEDNESDAY_10, 11 March 2026), her mother, and a call about her. */
async function family(childBirth = '2018-09-01') {
  const ctx = await taskOrg(t);
  const { db, org } = ctx;
  const child = await insertPerson(db, org.orgId, {
    displayName: 'Mila Berg',
    birthDate: childBirth,
    phones: [{ number: '+46701000001', label: 'mobile', valid: true }],
  });
  const mother = await insertPerson(db, org.orgId, {
    displayName: 'Anna Berg',
    phones: [{ number: '+46701112233', label: 'mobile', valid: true }],
  });
  await linkGuardian(db, org.orgId, mother.id, child.id, { role: 'Fx mother' });
  const call = await createTaskAs(org.owner, { templateId: ctx.fx.call.id, contactId: child.id });
  return { ...ctx, child, mother, call };
}

describe('a call about a child (issue 17)', () => {
  it("the task shows the primary guardian's name, role and phone", async () => {
    const { org, call, mother } = await family();
    expect(call.contact).toMatchObject({ name: 'Mila Berg', phone: '+46701000001' });
    expect((await getTask(org.owner, call.id)).contact?.guardian).toEqual({
      id: mother.id,
      name: 'Anna Berg',
      role: 'Fx mother',
      phone: '+46701112233',
      phoneDisplay: {
        country: 'SE',
        national: '070-111 22 33',
        international: '+46 70 111 22 33',
      },
    });
  });

  it("records whom was called on the child's history and which child on the guardian's; undo takes both back", async () => {
    const { org, fx, call, child, mother } = await family();
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.booked,
      comment: 'Booked for Saturday',
      version: call.version,
    });
    expect(res.statusCode, res.body).toBe(200);

    const [ofChild] = results(await historyOf(org.owner, child.id));
    expect(ofChild).toMatchObject({
      text: 'Booked for Saturday',
      data: {
        taskId: call.id,
        result: 'Booked a trial',
        calledId: mother.id,
        calledName: 'Anna Berg',
      },
    });
    const [ofMother] = results(await historyOf(org.owner, mother.id));
    expect(ofMother).toMatchObject({
      text: 'Booked for Saturday',
      data: {
        taskId: call.id,
        result: 'Booked a trial',
        aboutId: child.id,
        aboutName: 'Mila Berg',
      },
    });

    const version = res.json<{ task: Task }>().task.version;
    const undo = await org.owner.request('POST', `/api/tasks/${call.id}/undo-result`, { version });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(results(await historyOf(org.owner, child.id))).toEqual([]);
    expect(results(await historyOf(org.owner, mother.id))).toEqual([]);
  });

  it("erasing the child takes their name off the guardian's entry of the call, and erasing the guardian off the child's", async () => {
    const { org, fx, call, child, mother } = await family();
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.booked,
      version: call.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const erase = await org.owner.request('POST', `/api/persons/${child.id}/erase`, {});
    expect(erase.statusCode, erase.body).toBe(200);
    const [ofMother] = results(await historyOf(org.owner, mother.id));
    expect(ofMother?.data).toMatchObject({ aboutId: child.id });
    expect(JSON.stringify(ofMother?.data)).not.toContain('Mila');

    // The other way round: a second child's call, then the mother erased.
    const { org: org2, fx: fx2, call: call2, child: child2, mother: mother2 } = await family();
    const done = await org2.owner.request('POST', `/api/tasks/${call2.id}/result`, {
      resultId: fx2.results.booked,
      version: call2.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    const gone = await org2.owner.request('POST', `/api/persons/${mother2.id}/erase`, {});
    expect(gone.statusCode, gone.body).toBe(200);
    const [ofChild] = results(await historyOf(org2.owner, child2.id));
    expect(ofChild?.data).toMatchObject({ calledId: mother2.id });
    expect(JSON.stringify(ofChild?.data)).not.toContain('Anna');
  });

  it('an adult child, or a child without guardians, keeps a history of their own', async () => {
    // 19 years old on the club's date: no longer a minor, the call went to them.
    const grown = await family('2007-01-15');
    expect((await getTask(grown.org.owner, grown.call.id)).contact?.guardian).toBeNull();
    const res = await grown.org.owner.request('POST', `/api/tasks/${grown.call.id}/result`, {
      resultId: grown.fx.results.booked,
      version: grown.call.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = results(await historyOf(grown.org.owner, grown.child.id));
    expect(entry?.data).not.toHaveProperty('calledId');
    expect(results(await historyOf(grown.org.owner, grown.mother.id))).toEqual([]);

    const { org, fx, db } = grown;
    const alone = await insertPerson(db, org.orgId, { birthDate: '2019-02-02' });
    const call = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: alone.id });
    expect(call.contact?.guardian).toBeNull();
    const ok = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.booked,
      version: call.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [own] = results(await historyOf(org.owner, alone.id));
    expect(own?.data).toMatchObject({ taskId: call.id });
    expect(own?.data).not.toHaveProperty('calledId');
  });

  it('a guardian in the trash is not called: the task shows none and the child keeps the entry', async () => {
    const { org, fx, child, mother } = await family();
    const del = await org.owner.request('DELETE', `/api/persons/${mother.id}`);
    expect(del.statusCode, del.body).toBeLessThan(300);
    const call = await createTaskAs(org.owner, { templateId: fx.call.id, contactId: child.id });
    expect(call.contact?.guardian).toBeNull();
    const res = await org.owner.request('POST', `/api/tasks/${call.id}/result`, {
      resultId: fx.results.booked,
      version: call.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = results(await historyOf(org.owner, child.id));
    expect(entry?.data).not.toHaveProperty('calledId');
  });
});
