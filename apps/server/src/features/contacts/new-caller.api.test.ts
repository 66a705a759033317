import type { CrmSettings, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type Client,
  type TestApp,
} from '../../../test/test-app.ts';

interface StatusItem {
  id: string;
  name: string;
  entity: string;
}

async function statuses(client: Client, entity: 'person' | 'company') {
  const res = await client.request('GET', `/api/settings/statuses?entity=${entity}`);
  return res.json<{ items: StatusItem[] }>().items;
}

async function newCaller(client: Client, extra: object = {}) {
  const res = await client.request('POST', '/api/persons', {
    firstName: 'Caller',
    phones: [{ number: '+46 70 123 45 67' }],
    intake: 'new_call',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ person: Person }>().person;
}

async function saveSettings(client: Client, patch: object) {
  const current = (await client.request('GET', '/api/settings/crm')).json<CrmSettings>();
  return client.request('PATCH', '/api/settings/crm', { version: current.version, ...patch });
}

describe('a new caller from "New call" (issue 10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gets the first person status and the staff member who took the call', async () => {
    const org = await createOrg(t.app);
    const reception = await createStaff(t.app, org, 'reception');
    const [first] = await statuses(org.owner, 'person');
    expect(first).toBeDefined();
    const settings = (await org.owner.request('GET', '/api/settings/crm')).json<CrmSettings>();
    expect(settings).toMatchObject({ newCallerStatusId: null, newCallerResponsible: 'taker' });

    const person = await newCaller(reception.client);
    expect(person).toMatchObject({ statusId: first!.id, responsibleId: reception.id });

    // The same form's own choices win, "none" included.
    const chosen = await newCaller(reception.client, { statusId: null, responsibleId: null });
    expect(chosen).toMatchObject({ statusId: null, responsibleId: null });
    // Any other way in is unchanged: nothing is filled in.
    const plain = await reception.client.request('POST', '/api/persons', { firstName: 'Walk-in' });
    expect(plain.json<{ person: Person }>().person).toMatchObject({
      statusId: null,
      responsibleId: null,
    });
  });

  it('follows the settings: another status, and nobody responsible', async () => {
    const org = await createOrg(t.app);
    const [, second] = await statuses(org.owner, 'person');
    const saved = await saveSettings(org.owner, {
      newCallerStatusId: second!.id,
      newCallerResponsible: 'none',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<CrmSettings>()).toMatchObject({
      newCallerStatusId: second!.id,
      newCallerResponsible: 'none',
    });
    const person = await newCaller(org.owner);
    expect(person).toMatchObject({ statusId: second!.id, responsibleId: null });

    // Archived since: the first status by order again, and the settings say so.
    const archived = await org.owner.request('PATCH', `/api/settings/statuses/${second!.id}`, {
      archived: true,
    });
    expect(archived.statusCode, archived.body).toBe(200);
    const [first] = await statuses(org.owner, 'person');
    expect((await newCaller(org.owner)).statusId).toBe(first!.id);
    expect(
      (await org.owner.request('GET', '/api/settings/crm')).json<CrmSettings>().newCallerStatusId,
    ).toBeNull();
  });

  it("refuses a status that is not a live person status, another org's included", async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const [company] = await statuses(org.owner, 'company');
    const [foreign] = await statuses(other.owner, 'person');
    for (const id of [company!.id, foreign!.id, crypto.randomUUID()]) {
      const res = await saveSettings(org.owner, { newCallerStatusId: id });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ fieldCodes: { newCallerStatusId: 'unknown_reference' } });
    }
    const bad = await saveSettings(org.owner, { newCallerResponsible: 'someone' });
    expect(bad.statusCode).toBe(400);
    const reception = await createStaff(t.app, org, 'reception');
    const denied = await saveSettings(reception.client, { newCallerResponsible: 'none' });
    expect(denied.statusCode).toBe(403);
    const intake = await org.owner.request('POST', '/api/persons', {
      firstName: 'X',
      intake: 'website',
    });
    expect(intake.statusCode).toBe(400);
  });
});
