import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { generatePersons, insertContacts } from './contacts-list.fixtures.ts';
import {
  addDropdown,
  addField,
  addPerson,
  addTag,
  listPersons,
  personStatuses,
  walkPersons,
} from './contacts-list.test-setup.ts';

const ROWS = 10_500;

describe('lists (C-10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('combines status + tag + responsible + custom field over 10,000+ persons and pages without dupes or gaps', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const statuses = (await personStatuses(org)).map((s) => s.id);
    const tags = [
      await addTag(org, 'Yoga'),
      await addTag(org, 'Kids'),
      await addTag(org, 'Pilates'),
    ];
    const field = await addDropdown(org, 'Membership', ['Gold', 'Silver', 'Bronze']);
    const rows = generatePersons(ROWS, 0, {
      orgId: org.orgId,
      statusIds: statuses,
      tagIds: tags.map((x) => x.id),
      responsibleIds: [org.ownerId, sales.id],
      dropdown: { fieldId: field.id, optionIds: field.options.map((o) => o.id) },
      tieEvery: 3,
    });
    await insertContacts(t.database.db, rows);

    const [status] = statuses;
    const [yoga, kids] = tags;
    const gold = field.options[0]!.id;
    const silver = field.options[1]!.id;
    // What the filter must match, computed from the generated rows, not by the code under test.
    const expected = rows.filter(
      (r) =>
        r.statusId === status &&
        (r.tagIds!.includes(yoga!.id) || r.tagIds!.includes(kids!.id)) &&
        r.responsibleId === sales.id &&
        [gold, silver].includes(r.custom![field.id] as string),
    );
    expect(expected.length).toBeGreaterThan(100);
    const filter =
      `statusId=${status}&tagId=${yoga!.id},${kids!.id}&responsibleId=${sales.id}` +
      `&cf=${field.id}:eq:${gold}|${silver}`;
    const direct = await t.database.db.execute(sql`
      select count(*)::int as n from contacts
      where org_id = ${org.orgId} and kind = 'person' and deleted_at is null
        and status_id = ${status} and tag_ids && array[${yoga!.id}, ${kids!.id}]::uuid[]
        and responsible_id = ${sales.id}
        and custom ->> ${field.id} in (${gold}, ${silver})`);
    const directCount = (direct as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(directCount).toBe(expected.length);

    const counted = await listPersons(org.owner, `${filter}&limit=1`);
    expect([counted.total, counted.capped]).toEqual([expected.length, false]);
    for (const sort of ['name', '-name', 'createdAt', '-createdAt']) {
      const pages = await walkPersons(org.owner, `${filter}&sort=${sort}&limit=45`);
      const seen: string[] = [];
      let previous: string | undefined;
      for (const page of pages) {
        expect(page.total).toBeUndefined();
        for (const p of page.items) {
          const key = sort.endsWith('name') ? p.displayName.toLowerCase() : p.createdAt;
          if (previous !== undefined) {
            expect(sort.startsWith('-') ? key <= previous : key >= previous, sort).toBe(true);
          }
          previous = key;
          seen.push(p.id);
        }
      }
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(seen.length, sort).toBe(expected.length);
      expect(pages[0]!.prevCursor, sort).toBeNull();
      // Walking back from the last page with prevCursor shows the same pages, in reverse.
      const back: string[] = [];
      let cursor = pages.at(-1)!.prevCursor;
      while (cursor) {
        const page = await listPersons(
          org.owner,
          `${filter}&sort=${sort}&limit=45&cursor=${encodeURIComponent(cursor)}`,
        );
        back.unshift(...page.items.map((p) => p.id));
        cursor = page.prevCursor;
      }
      expect(back, sort).toEqual(seen.slice(0, back.length));
      expect(back.length + pages.at(-1)!.items.length, sort).toBe(seen.length);
    }

    // Unfiltered: every one of the 10,500 rows exactly once, by created date (with ties);
    // the count stops at 10,000 and says so.
    const all = new Set<string>();
    for (const page of await walkPersons(org.owner, 'sort=createdAt&limit=200')) {
      for (const p of page.items) all.add(p.id);
    }
    expect(all.size).toBe(ROWS);
    const capped = await listPersons(org.owner, 'limit=1');
    expect([capped.total, capped.capped]).toEqual([10_000, true]);

    const allTags = await listPersons(
      org.owner,
      `tagId=${yoga!.id},${kids!.id}&tagMode=all&limit=1`,
    );
    expect(allTags.total).toBe(
      rows.filter((r) => r.tagIds!.includes(yoga!.id) && r.tagIds!.includes(kids!.id)).length,
    );
    const none = await listPersons(org.owner, 'noStatus=true&noResponsible=true&limit=1');
    expect(none.total).toBe(rows.filter((r) => !r.statusId && !r.responsibleId).length);
    const unset = await listPersons(org.owner, `cf=${field.id}:unset&limit=1`);
    expect(unset.total).toBe(rows.filter((r) => !r.custom![field.id]).length);
  }, 240_000);

  it('filters by created date in the club timezone, by number and date fields, and sorts by them', async () => {
    const org = await createOrg(t.app, { timezone: 'Europe/Stockholm' });
    const level = await addField(org, 'Level', 'number');
    const ends = await addField(org, 'Membership end', 'date');
    const note = await addField(org, 'Shoe size', 'text');
    const a = await addPerson(org.owner, {
      firstName: 'Ada',
      custom: { [level.id]: 3, [ends.id]: '2025-06-30', [note.id]: 'Forty' },
    });
    const b = await addPerson(org.owner, { firstName: 'Bo', custom: { [level.id]: 10 } });
    const c = await addPerson(org.owner, { firstName: 'Cy', custom: { [ends.id]: '2024-12-31' } });
    // Created 23:30 UTC on 31 Dec = 00:30 on 1 Jan in Stockholm.
    await t.database.db.execute(
      sql`update contacts set created_at = '2024-12-31T23:30:00Z' where id = ${a.id}`,
    );
    await t.database.db.execute(
      sql`update contacts set created_at = '2024-12-31T22:30:00Z' where id = ${b.id}`,
    );
    const ids = async (q: string) => (await listPersons(org.owner, q)).items.map((p) => p.id);

    expect(await ids('createdFrom=2025-01-01&createdTo=2025-01-01')).toEqual([a.id]);
    expect(await ids('createdFrom=2024-12-31&createdTo=2024-12-31')).toEqual([b.id]);
    expect(await ids(`cf=${level.id}:gte:4`)).toEqual([b.id]);
    expect(await ids(`cf=${level.id}:gte:3&cf=${level.id}:lte:3`)).toEqual([a.id]);
    expect(await ids(`cf=${ends.id}:lte:2025-01-01`)).toEqual([c.id]);
    expect(await ids(`cf=${note.id}:contains:ort`)).toEqual([a.id]);
    expect(await ids(`sort=cf:${level.id}`)).toEqual([a.id, b.id, c.id]);
    expect(await ids(`sort=-cf:${level.id}`)).toEqual([b.id, a.id, c.id]);
    expect(await ids(`sort=-cf:${ends.id}`)).toEqual([a.id, c.id, b.id]);
    for (const sort of [`cf:${level.id}`, `-cf:${level.id}`, `-cf:${ends.id}`, 'birthDate']) {
      const pages = await walkPersons(org.owner, `sort=${sort}&limit=1`);
      expect(
        pages.flatMap((p) => p.items.map((x) => x.id)),
        sort,
      ).toEqual(await ids(`sort=${sort}`));
    }
  });

  it('sorts by status position and by the responsible person name', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const [first, second] = await personStatuses(org);
    const x = await addPerson(org.owner, {
      firstName: 'X',
      statusId: second!.id,
      responsibleId: org.ownerId,
    });
    const y = await addPerson(org.owner, {
      firstName: 'Y',
      statusId: first!.id,
      responsibleId: sales.id,
    });
    const z = await addPerson(org.owner, { firstName: 'Z' });
    const ids = async (q: string) => (await listPersons(org.owner, q)).items.map((p) => p.id);
    expect(await ids('sort=status')).toEqual([y.id, x.id, z.id]);
    expect(await ids('sort=-status')).toEqual([x.id, y.id, z.id]);
    // "Owner Olsson" before "sales person"; nobody responsible last.
    expect(await ids('sort=responsible')).toEqual([x.id, y.id, z.id]);
    expect(await ids('sort=-name')).toEqual([z.id, y.id, x.id]);
    const p1 = await listPersons(org.owner, 'limit=2');
    expect([p1.total, p1.capped, p1.prevCursor]).toEqual([3, false, null]);
    const p2 = await listPersons(org.owner, `limit=2&cursor=${encodeURIComponent(p1.nextCursor!)}`);
    expect(p2.items.map((p) => p.id)).toEqual([z.id]);
    expect(p2.nextCursor).toBeNull();
    // Cursors of every sort, nulls included, continue where the page ended.
    for (const sort of ['status', '-status', 'responsible', '-responsible']) {
      const whole = await ids(`sort=${sort}`);
      const pages = await walkPersons(org.owner, `sort=${sort}&limit=1`);
      expect(
        pages.flatMap((p) => p.items.map((x) => x.id)),
        sort,
      ).toEqual(whole);
    }
  });

  it('answers 400 naming the parameter for unknown custom fields, options, sorts and ops', async () => {
    const org = await createOrg(t.app);
    const field = await addDropdown(org, 'Membership', ['Gold']);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[string, string]> = [
      [`cf=${unknownId}:eq:x`, 'cf'],
      [`cf=${field.id}:eq:${unknownId}`, 'cf'],
      [`cf=${field.id}:gte:3`, 'cf'],
      ['cf=garbage', 'cf'],
      ['sort=password', 'sort'],
      [`sort=cf:${unknownId}`, 'sort'],
      ['sort=orgNumber', 'sort'],
      ['statusId=not-a-uuid', 'statusId'],
      ['limit=0', 'limit'],
      ['cursor=garbage', 'cursor'],
      // A cursor made for another sort.
      [
        `sort=-name&cursor=${Buffer.from('["name","a","x","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`,
        'cursor',
      ],
      [`cursor=${Buffer.from('["name","a","x","not-an-id"]').toString('base64url')}`, 'cursor'],
      [
        `sort=createdAt&cursor=${Buffer.from('["createdAt","a","1e9","x","00000000-0000-4000-8000-000000000000"]').toString('base64url')}`,
        'cursor',
      ],
    ];
    for (const [q, key] of cases) {
      const res = await org.owner.request('GET', `/api/persons?${q}`);
      expect(res.statusCode, q).toBe(400);
      const keys = Object.keys(res.json<{ fields: object }>().fields);
      expect(
        keys.some((k) => k === key || k.startsWith(`${key}.`)),
        `${q}: ${keys.join()}`,
      ).toBe(true);
    }
    const companies = await org.owner.request('GET', '/api/companies?sort=-orgNumber');
    expect(companies.statusCode).toBe(200);
    const instructor = await createStaff(t.app, org, 'instructor');
    expect((await instructor.client.request('GET', '/api/persons')).statusCode).toBe(403);
    await ok(org.owner, 'GET', '/api/persons?search=%25&tagMode=all');
  });
});
