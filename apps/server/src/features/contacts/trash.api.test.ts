import { eq, sql } from 'drizzle-orm';
import type { HistoryEntry, Person } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, ok, type TestApp } from '../../../test/test-app.ts';
import { addPerson, listPersons } from './contacts-list.test-setup.ts';
import { contacts } from './contacts.table.ts';
import { runDueJobs } from '../jobs/index.ts';
import { trashJobs } from './trash-purger.ts';
import { purgeExpired } from './trash.repo.ts';

interface TrashItem {
  id: string;
  kind: string;
  displayName: string;
  deletedAt: string;
  deletedBy: { id: string; name: string } | null;
  purgeAt: string;
}
const DAY = 24 * 60 * 60 * 1000;

describe('trash (C-12)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('delete hides a person from list, search and export; restore brings them back with history', async () => {
    const org = await createOrg(t.app);
    const company = await ok<{ company: { id: string } }>(org.owner, 'POST', '/api/companies', {
      name: 'Harbour Gym AB',
    });
    const p = await addPerson(org.owner, {
      firstName: 'Tove',
      lastName: 'Trash',
      phones: [{ number: '+46709876543' }],
      companyId: company.company.id,
    });
    await ok(org.owner, 'POST', `/api/persons/${p.id}/history`, { text: 'Tried a class' });
    const visible = async () => ({
      list: (await listPersons(org.owner, 'limit=50')).items.some((x) => x.id === p.id),
      total: (await listPersons(org.owner, 'search=tove')).total,
      search: (await ok<{ items: unknown[] }>(org.owner, 'GET', '/api/search?q=9876543')).items
        .length,
      exported: (await org.owner.request('GET', '/api/persons/export?format=csv')).body.includes(
        'Tove Trash',
      ),
    });
    expect(await visible()).toEqual({ list: true, total: 1, search: 1, exported: true });

    expect((await org.owner.request('DELETE', `/api/persons/${p.id}`)).statusCode).toBe(204);
    expect(await visible()).toEqual({ list: false, total: 0, search: 0, exported: false });

    const trash = await ok<{ items: TrashItem[]; total: number }>(org.owner, 'GET', '/api/trash');
    expect(trash.total).toBe(1);
    const item = trash.items[0]!;
    expect(item).toMatchObject({ id: p.id, kind: 'person', displayName: 'Tove Trash' });
    expect(item.deletedBy).toEqual({ id: org.ownerId, name: 'Owner Olsson' });
    expect(Date.parse(item.purgeAt) - Date.parse(item.deletedAt)).toBe(30 * DAY);
    expect((await ok<{ total: number }>(org.owner, 'GET', '/api/trash?kind=company')).total).toBe(
      0,
    );
    expect((await ok<{ total: number }>(org.owner, 'GET', '/api/trash?search=tove')).total).toBe(1);
    expect((await ok<{ total: number }>(org.owner, 'GET', '/api/trash?search=xyz')).total).toBe(0);

    const restored = await ok<Person>(org.owner, 'POST', `/api/persons/${p.id}/restore`);
    expect(restored).toMatchObject({ id: p.id, deletedAt: null, companyId: company.company.id });
    expect(await visible()).toEqual({ list: true, total: 1, search: 1, exported: true });
    const history = await ok<{ items: HistoryEntry[] }>(
      org.owner,
      'GET',
      `/api/persons/${p.id}/history?limit=100`,
    );
    expect(history.items.map((h) => h.event)).toEqual(
      expect.arrayContaining(['restored', 'note', 'created']),
    );
    expect(history.items[0]!.event).toBe('restored');
    // Restoring what is not in the trash, or as the wrong kind, is a 404.
    expect((await org.owner.request('POST', `/api/persons/${p.id}/restore`)).statusCode).toBe(404);
    await org.owner.request('DELETE', `/api/persons/${p.id}`);
    expect((await org.owner.request('POST', `/api/companies/${p.id}/restore`)).statusCode).toBe(
      404,
    );
  });

  it('purges a trashed record for good, history and all, and refuses live ones', async () => {
    const org = await createOrg(t.app);
    const p = await addPerson(org.owner, { firstName: 'Pia' });
    const live = await addPerson(org.owner, { firstName: 'Live' });
    expect((await org.owner.request('DELETE', `/api/trash/${live.id}`)).statusCode).toBe(404);
    await org.owner.request('DELETE', `/api/persons/${p.id}`);
    expect((await org.owner.request('DELETE', `/api/trash/${p.id}`)).statusCode).toBe(204);
    expect((await org.owner.request('GET', `/api/persons/${p.id}`)).statusCode).toBe(404);
    expect((await org.owner.request('POST', `/api/persons/${p.id}/restore`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>(org.owner, 'GET', '/api/trash')).total).toBe(0);
    const left = await t.database.db.execute(
      sql`select count(*)::int as n from contact_history where contact_id = ${p.id}`,
    );
    expect((left as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    expect((await org.owner.request('DELETE', `/api/trash/${p.id}`)).statusCode).toBe(404);
  });

  it("the purger removes only what is past each organization's retention", async () => {
    const db = t.database.db;
    const now = new Date('2031-03-01T12:00:00Z');
    const org = await createOrg(t.app);
    const short = await createOrg(t.app);
    const settings = await ok<{ version: number }>(short.owner, 'GET', '/api/settings/crm');
    await ok(short.owner, 'PATCH', '/api/settings/crm', {
      trashRetentionDays: 5,
      version: settings.version,
    });
    const make = async (o: typeof org, name: string, daysAgo: number | null) => {
      const p = await addPerson(o.owner, { firstName: name });
      if (daysAgo !== null) {
        await db
          .update(contacts)
          .set({ deletedAt: new Date(now.getTime() - daysAgo * DAY) })
          .where(eq(contacts.id, p.id));
      }
      return p.id;
    };
    const old = await make(org, 'Old', 31);
    const recent = await make(org, 'Recent', 29);
    const liveId = await make(org, 'Live', null);
    const shortOld = await make(short, 'ShortOld', 6);
    const shortRecent = await make(short, 'ShortRecent', 4);

    // The purge is a recurring job: due by then, it runs once on the pinned clock.
    const errors: unknown[] = [];
    expect(
      await runDueJobs(db, { jobs: trashJobs, now: () => now, onError: (e) => errors.push(e) }),
    ).toBe(1);
    expect(errors).toEqual([]);
    const remaining = new Set(
      (await db.select({ id: contacts.id }).from(contacts)).map((r) => r.id),
    );
    expect([old, recent, liveId, shortOld, shortRecent].filter((id) => remaining.has(id))).toEqual([
      recent,
      liveId,
      shortRecent,
    ]);
    expect(await purgeExpired(db, now)).toBe(0);
    expect(await purgeExpired(db, new Date(now.getTime() + 2 * DAY))).toBe(2);
  });
});
