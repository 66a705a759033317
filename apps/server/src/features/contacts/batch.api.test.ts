import type { HistoryEntry, Person, PersonBatchResult } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrg,
  createStaff,
  createTestApp,
  ok,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';

const URL = '/api/persons/batch';

describe('POST /api/persons/batch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function batch(org: TestOrg, body: object) {
    const res = await org.owner.request('POST', URL, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PersonBatchResult>();
  }
  const read = (org: TestOrg, id: string) => ok<Person>(org.owner, 'GET', `/api/persons/${id}`);
  const history = async (org: TestOrg, id: string) =>
    (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history`)).items;

  it('answers each item in order: valid ones are created, invalid ones fail with field errors', async () => {
    const org = await createOrg(t.app);
    const result = await batch(org, {
      items: [
        { firstName: 'Anna', phones: [{ number: '070-111 11 11' }] },
        { note: 'nobody' },
        { firstName: 'Bo', emails: [{ email: 'not-an-email' }] },
        { firstName: 'Cleo', statusId: '00000000-0000-4000-8000-000000000000' },
        { firstName: 'Dan', shoeSize: 44 },
        { lastName: 'Ek', emails: [{ email: 'Ek@Example.com' }], birthDate: '1990-01-02' },
      ],
    });
    expect(result.items.map((i) => [i.index, i.status])).toEqual([
      [0, 'created'],
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
      [4, 'failed'],
      [5, 'created'],
    ]);
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, failed: 4 });
    expect(result.items[1]?.error).toMatchObject({
      code: 'validation',
      fieldCodes: { firstName: 'identify_required' },
    });
    expect(result.items[2]?.error?.fieldCodes).toEqual({ 'emails.0.email': 'invalid_email' });
    expect(result.items[3]?.error?.fieldCodes).toEqual({ statusId: 'unknown_reference' });
    expect(result.items[4]?.error?.fieldCodes).toEqual({ shoeSize: 'unknown_field' });
    expect(result.items[1]?.id).toBeUndefined();

    const anna = await read(org, result.items[0]!.id!);
    expect(anna).toMatchObject({
      firstName: 'Anna',
      phones: [{ number: '+46701111111', label: 'mobile', valid: true }],
      createdBy: { id: org.ownerId },
      version: 1,
    });
    const ek = await read(org, result.items[5]!.id!);
    expect(ek).toMatchObject({ emails: [{ email: 'ek@example.com' }], birthDate: '1990-01-02' });
    expect((await history(org, anna.id)).map((h) => [h.event, h.author?.id ?? null])).toEqual([
      ['created', org.ownerId],
    ]);
  });

  it('matches items to each other by phone or email: create mode makes one person', async () => {
    const org = await createOrg(t.app);
    const result = await batch(org, {
      items: [
        { firstName: 'Anna', phones: [{ number: '070-222 22 22' }] },
        { firstName: 'Anna S', phones: [{ number: '+46702222222' }] },
        { firstName: 'Other', emails: [{ email: 'x@example.com' }] },
        { firstName: 'Same mail', emails: [{ email: 'X@example.com' }] },
      ],
    });
    const [a, b, c, d] = result.items;
    expect([a?.status, b?.status, c?.status, d?.status]).toEqual([
      'created',
      'unchanged',
      'created',
      'unchanged',
    ]);
    expect(b?.id).toBe(a?.id);
    expect(d?.id).toBe(c?.id);
    expect((await read(org, a!.id!)).firstName).toBe('Anna');
  });

  it('matches live persons: create leaves them, and a repeated request creates no one twice', async () => {
    const org = await createOrg(t.app);
    const items = [
      { firstName: 'Eva', phones: [{ number: '070-333 33 33' }] },
      { firstName: 'Fia', emails: [{ email: 'fia@example.com' }] },
    ];
    const first = await batch(org, { items });
    const again = await batch(org, { mode: 'create', items });
    expect(again.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    const eva = await read(org, first.items[0]!.id!);
    expect(eva.version).toBe(1);
  });

  it('upsert writes the given fields over the match, adds phones and tags, and logs it', async () => {
    const org = await createOrg(t.app);
    const tag = await ok<{ id: string }>(org.owner, 'POST', '/api/settings/tags', { name: 'Yoga' });
    const first = await batch(org, {
      items: [{ firstName: 'Gun', lastName: 'Old', emails: [{ email: 'gun@example.com' }] }],
    });
    const id = first.items[0]!.id!;
    const result = await batch(org, {
      mode: 'upsert',
      items: [
        {
          lastName: 'New',
          emails: [{ email: 'GUN@example.com' }],
          phones: [{ number: '070-444 44 44' }],
          tagIds: [tag.id],
        },
        // Matched through the phone the item before added, in the same request.
        { phones: [{ number: '+46704444444' }], note: 'Prefers mornings' },
        // Says nothing new about an existing person.
        { firstName: 'Gun', emails: [{ email: 'gun@example.com' }] },
        { firstName: 'Hugo', phones: [{ number: '070-555 55 55' }] },
      ],
    });
    expect(result.items.map((i) => [i.status, i.id === id])).toEqual([
      ['updated', true],
      ['updated', true],
      ['updated', true],
      ['created', false],
    ]);
    const gun = await read(org, id);
    expect(gun).toMatchObject({
      firstName: 'Gun',
      lastName: 'New',
      note: 'Prefers mornings',
      emails: [{ email: 'gun@example.com' }],
      phones: [{ number: '+46704444444' }],
      tagIds: [tag.id],
      version: 2,
    });
    const events = (await history(org, id)).map((h) => h.event);
    expect(events).toEqual(['updated', 'created']);

    const same = await batch(org, {
      mode: 'upsert',
      items: [{ firstName: 'Gun', lastName: 'New', emails: [{ email: 'gun@example.com' }] }],
    });
    expect(same.items[0]).toMatchObject({ status: 'unchanged', id });
    expect((await read(org, id)).version).toBe(2);
  });

  it("never matches another organization's person, nor a person in the trash", async () => {
    const mine = await createOrg(t.app);
    const theirs = await createOrg(t.app);
    const phone = { number: '070-666 66 66' };
    const their = await batch(theirs, { items: [{ firstName: 'Theirs', phones: [phone] }] });
    const gone = await batch(mine, {
      items: [{ firstName: 'Gone', emails: [{ email: 'g@x.se' }] }],
    });
    const del = await mine.owner.request('DELETE', `/api/persons/${gone.items[0]!.id}`);
    expect(del.statusCode).toBe(204);

    const result = await batch(mine, {
      mode: 'upsert',
      items: [
        { firstName: 'Mine', phones: [phone] },
        { firstName: 'Back', emails: [{ email: 'g@x.se' }] },
      ],
    });
    expect(result.items.map((i) => i.status)).toEqual(['created', 'created']);
    expect(result.items[0]?.id).not.toBe(their.items[0]?.id);
    expect(result.items[1]?.id).not.toBe(gone.items[0]?.id);
    const theirsNow = await read(theirs, their.items[0]!.id!);
    expect(theirsNow).toMatchObject({ firstName: 'Theirs', version: 1 });
    // An id of the other organization is not a company of this one.
    const company = await theirs.owner.request('POST', '/api/companies', { name: 'Their AB' });
    const companyId = company.json<{ company: { id: string } }>().company.id;
    const linked = await batch(mine, { items: [{ firstName: 'Link', companyId }] });
    expect(linked.items[0]?.error?.fieldCodes).toEqual({ companyId: 'unknown_reference' });
  });

  it('works with an API token (persons write permission) and refuses staff without it', async () => {
    const org = await createOrg(t.app);
    const created = await org.owner.request('POST', '/api/api-tokens', { name: 'Booking' });
    const { secret } = created.json<{ secret: string }>();
    const res = await t.app.inject({
      method: 'POST',
      url: URL,
      headers: { authorization: `Bearer ${secret}` },
      payload: { items: [{ firstName: 'Via token', phones: [{ number: '070-777 77 77' }] }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json<PersonBatchResult>().items[0]!.id!;
    const person = await read(org, id);
    expect(person.createdBy).toBeNull();
    expect((await history(org, id)).map((h) => [h.event, h.author?.id ?? null])).toEqual([
      ['created', null],
    ]);

    const instructor = await createStaff(t.app, org, 'instructor');
    const refused = await instructor.client.request('POST', URL, {
      items: [{ firstName: 'Nope', phones: [{ number: '070-888 88 88' }] }],
    });
    expect(refused.statusCode).toBe(403);
    const found = await ok<{ items: unknown[] }>(org.owner, 'GET', '/api/search?q=Nope');
    expect(found.items).toEqual([]);
  });

  it('refuses 501 items, and an empty list, with a clear error', async () => {
    const org = await createOrg(t.app);
    const items = Array.from({ length: 501 }, (_, i) => ({ firstName: `P${i}` }));
    const res = await org.owner.request('POST', URL, { items });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation',
      fields: { items: 'At most 500 persons per request; send the rest in another' },
      fieldCodes: { items: 'too_many' },
    });
    const empty = await org.owner.request('POST', URL, { items: [] });
    expect(empty.statusCode).toBe(400);
    const fine = await batch(org, { items: items.slice(0, 500) });
    expect(fine.created).toBe(500);
  });

  it('documents each item as the body of a single create', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{ paths: Record<string, { post: Record<string, unknown> }> }>();
    const op = doc.paths['/api/persons/batch']?.post;
    expect(JSON.stringify(op)).toContain('"firstName"');
    expect(JSON.stringify(op)).toContain('"maxItems":500');
  });
});
