import type { HistoryEntry, Lookup, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

type Page = { items: HistoryEntry[]; nextCursor: string | null };

async function newPerson(org: TestOrg) {
  const res = await org.owner.request('POST', '/api/persons', { firstName: 'Timeline' });
  return res.json<{ person: Person }>().person;
}

describe('history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pages newest first through every entry exactly once', async () => {
    const org = await createOrg(t.app);
    const person = await newPerson(org);
    for (let i = 1; i <= 24; i++) {
      const res = await org.owner.request('POST', `/api/persons/${person.id}/history`, {
        text: `note ${i}`,
      });
      expect(res.statusCode).toBe(201);
    }
    const seen: HistoryEntry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/persons/${person.id}/history?limit=10${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await org.owner.request('GET', url)).json<Page>();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((e) => e.id)).size).toBe(25);
    expect(seen.at(-1)?.event).toBe('created');
    const times = seen.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen[0]).toMatchObject({
      event: 'note',
      text: 'note 24',
      author: { id: org.ownerId, name: 'Owner Olsson' },
    });
  });

  it('keeps entries written in the same instant in a stable order across pages', async () => {
    const org = await createOrg(t.app);
    const person = await newPerson(org);
    // One PATCH writes several entries with the same timestamp (status, responsible, updated).
    const status = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<{
      items: Array<{ id: string }>;
    }>().items[0]!;
    await org.owner.request('PATCH', `/api/persons/${person.id}`, {
      version: person.version,
      statusId: status.id,
      responsibleId: org.ownerId,
      note: 'changed',
    });
    const all = (
      await org.owner.request('GET', `/api/persons/${person.id}/history?limit=100`)
    ).json<Page>().items;
    const paged: HistoryEntry[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/persons/${person.id}/history?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await org.owner.request('GET', url)).json<Page>();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(all.map((e) => e.event).sort()).toEqual(
      ['created', 'responsible_changed', 'status_changed', 'updated'].sort(),
    );
  });

  it('accepts a history type of the org, and names typeId otherwise', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const person = await newPerson(org);
    const types = (await org.owner.request('GET', '/api/settings/history-types')).json<{
      items: Lookup[];
    }>().items;
    expect(types.length).toBeGreaterThan(0);
    const ok = await org.owner.request('POST', `/api/persons/${person.id}/history`, {
      text: 'Tried a class',
      typeId: types[0]!.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<HistoryEntry>()).toMatchObject({
      event: 'note',
      typeId: types[0]!.id,
      text: 'Tried a class',
      author: { id: org.ownerId, name: 'Owner Olsson' },
    });

    const theirType = (await other.owner.request('GET', '/api/settings/history-types')).json<{
      items: Lookup[];
    }>().items[0]!;
    const tag = (
      await org.owner.request('POST', '/api/settings/tags', { name: 'T' })
    ).json<Lookup>();
    for (const typeId of [theirType.id, tag.id, crypto.randomUUID()]) {
      const bad = await org.owner.request('POST', `/api/persons/${person.id}/history`, {
        text: 'x',
        typeId,
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toHaveProperty('typeId');
    }
    const empty = await org.owner.request('POST', `/api/persons/${person.id}/history`, {
      text: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toHaveProperty('text');
  });

  it('answers 400 to a forged cursor, never 500', async () => {
    const org = await createOrg(t.app);
    const person = await newPerson(org);
    const forged = [
      'garbage',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from(`["2024-01-01 00:00:00+00","${crypto.randomUUID()}'; drop"]`).toString(
        'base64url',
      ),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from(`["2024-02-31 25:00:00+00","${crypto.randomUUID()}"]`).toString('base64url'),
      Buffer.from(`["${'9'.repeat(30)}","${crypto.randomUUID()}"]`).toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await org.owner.request(
        'GET',
        `/api/persons/${person.id}/history?cursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toHaveProperty('cursor');
    }
  });

  it('lets reception read and write notes, but not an instructor', async () => {
    const org = await createOrg(t.app);
    const person = await newPerson(org);
    const reception = await createStaff(t.app, org, 'reception');
    const instructor = await createStaff(t.app, org, 'instructor');
    const note = await reception.client.request('POST', `/api/persons/${person.id}/history`, {
      text: 'Called, no answer',
    });
    expect(note.statusCode).toBe(201);
    const denied = await instructor.client.request('POST', `/api/persons/${person.id}/history`, {
      text: 'x',
    });
    expect(denied.statusCode).toBe(403);
  });
});
