import type { EventSource } from '@spotter/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { clubEvents } from './club-events.table.ts';
import type { NewClubEvent } from './ingest.repo.ts';
import { insertEventsTogether } from './store-together.ts';

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
      insertEventsTogether(t.app.db, org.orgId, source.id, events);
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
      insertEventsTogether(t.app.db, org.orgId, source.id, events);
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
});
