import type { EventSource } from '@spotter/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { jobs } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';
import type { NewClubEvent } from './ingest.repo.ts';
import { DRAIN_JOB, drainKeys } from './process.jobs.ts';
import { storeEventsTogether } from './store-together.ts';

const clock = { now: new Date('2026-12-07T09:00:00Z') };

describe('deliveries of a source stored together (decision 0038)', () => {
  const t = useTestApp({ now: () => clock.now });

  async function connect(org: TestOrg) {
    const res = await org.owner.request('POST', '/api/event-sources', {
      name: 'Door system',
      kind: 'membership',
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ source: EventSource }>().source;
  }

  const visit = (id: string, lastName = 'Berg'): NewClubEvent => ({
    externalId: id,
    type: 'visit.checked_in',
    typeVersion: 1,
    occurredAt: '2026-12-07T08:55:00+01:00',
    data: { visit: { externalId: `v-${id}` }, member: { externalId: 'm-1', lastName } },
  });

  const stored = (orgId: string, sourceId: string) =>
    t.app.db
      .select({ externalId: clubEvents.externalId, id: clubEvents.id })
      .from(clubEvents)
      .where(and(eq(clubEvents.orgId, orgId), eq(clubEvents.sourceId, sourceId)))
      .orderBy(asc(clubEvents.seq));

  it('answers each delivery as if it ran alone, and keeps the order they arrived in', async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const put = (events: NewClubEvent[]) =>
      storeEventsTogether(t.app.db, org.orgId, source.id, events, clock.now).then((d) => d.stored);
    // The first goes at once; the others wait for it and share the next statement.
    const answers = await Promise.all([
      put([visit('a')]),
      put([visit('b'), visit('c')]),
      put([visit('d')]),
      put([visit('c'), visit('e')]),
      put([visit('a')]),
    ]);
    const outcome = answers.map((m) =>
      [...m].map(([id, o]) => `${id}:${o.stored ? 'new' : 'dup'}`),
    );
    expect(outcome).toEqual([
      ['a:new'],
      ['b:new', 'c:new'],
      ['d:new'],
      ['c:dup', 'e:new'],
      ['a:dup'],
    ]);
    expect(answers[3]!.get('c')!.id).toBe(answers[1]!.get('c')!.id);
    expect(answers[4]!.get('a')!.id).toBe(answers[0]!.get('a')!.id);
    const rows = await stored(org.orgId, source.id);
    expect(rows.map((r) => r.externalId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('a delivery the database refuses fails alone; the others waiting with it are stored', async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const put = (events: NewClubEvent[]) =>
      storeEventsTogether(t.app.db, org.orgId, source.id, events, clock.now).then((d) => d.stored);
    const answers = await Promise.allSettled([
      put([visit('first')]),
      put([visit('x')]),
      // A NUL character: JSON allows it, a jsonb value does not.
      put([visit('bad', 'Be\u0000rg')]),
      put([visit('y')]),
    ]);
    expect(answers.map((a) => a.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const rows = await stored(org.orgId, source.id);
    expect(rows.map((r) => r.externalId)).toEqual(['first', 'x', 'y']);
  });

  it("makes sure of the source's drain after each delivery's commit, the look riding on the next statement", async () => {
    const org = await createOrg(t.app);
    const source = await connect(org);
    const [base, next] = drainKeys(source.id);
    // A drain of this source runs (on another instance, its lease valid): nothing else of the
    // source may start meanwhile.
    await t.app.db.insert(jobs).values({
      kind: DRAIN_JOB,
      key: base,
      orgId: org.orgId,
      payload: { sourceId: source.id },
      state: 'running',
      runAt: clock.now,
      lockedBy: 'elsewhere',
      lockedUntil: new Date('2099-01-01T00:00:00Z'),
      concurrencyKey: base,
      concurrencyLimit: 1,
    });
    const put = (events: NewClubEvent[]) =>
      storeEventsTogether(t.app.db, org.orgId, source.id, events, clock.now);
    // The first goes alone; the next two share a statement that also looks for the first.
    const answers = await Promise.all([put([visit('a')]), put([visit('b')]), put([visit('c')])]);
    // The running drain may have looked for the last time: the first queues the next one,
    // which the others then find queued.
    expect(answers.map((a) => a.drainQueued)).toEqual([true, false, false]);
    const states = await t.app.db
      .select({ key: jobs.key, state: jobs.state })
      .from(jobs)
      .where(inArray(jobs.key, [base, next]))
      .orderBy(asc(jobs.key));
    expect(states).toEqual([
      { key: base, state: 'running' },
      { key: next, state: 'queued' },
    ]);
    // Only repeats: nothing new to run, no look.
    const again = await put([visit('a')]);
    expect(again).toMatchObject({ drainQueued: false });
    expect(again.stored.get('a')!.stored).toBe(false);
    const rows = await stored(org.orgId, source.id);
    expect(rows.map((r) => r.externalId)).toEqual(['a', 'b', 'c']);
  });
});
