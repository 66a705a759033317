import { randomUUID } from 'node:crypto';
import type { EventLogEntry, EventSource } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { contacts, lookups, personRelations } from '../../schema.ts';
import { runDueJobs } from '../jobs/index.ts';
import { signed } from './club-events.test-setup.ts';
import { clubEventJobs } from './process.jobs.ts';

const clock = { now: new Date('2026-12-07T09:00:00Z') };

/** Issue 17: a booking or contract for a child links the child and their guardians. */
describe('club events with guardian fields', () => {
  const t = useTestApp({ now: () => clock.now });

  async function connect(org: TestOrg) {
    const res = await org.owner.request('POST', '/api/event-sources', {
      name: `Bookings ${randomUUID().slice(0, 6)}`,
      kind: 'booking',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ source: EventSource; secret: string }>();
  }

  async function send(
    org: TestOrg,
    src: { source: EventSource; secret: string },
    events: object[],
  ) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events/batch`,
      ...signed(src.secret, { events }),
    });
    expect(res.statusCode, res.body).toBe(200);
    for (let i = 0; i < 100; i++) {
      await runDueJobs(t.database.db, { jobs: clubEventJobs, now: () => clock.now });
      const log = (await org.owner.request('GET', '/api/club-events?limit=200')).json<{
        items: EventLogEntry[];
      }>().items;
      if (log.every((e) => e.state !== 'accepted' || e.processedAt)) return log;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('events were not processed');
  }

  const event = (type: string, occurredAt: string, data: object) => ({
    id: randomUUID(),
    type,
    occurredAt,
    data,
  });
  const relationsOf = (orgId: string) =>
    t.database.db
      .select({
        guardianId: personRelations.guardianId,
        childId: personRelations.childId,
        roleId: personRelations.roleId,
        primary: personRelations.isPrimary,
      })
      .from(personRelations)
      .where(eq(personRelations.orgId, orgId));
  const personsOf = async (orgId: string) => {
    const rows = await t.database.db.select().from(contacts).where(eq(contacts.orgId, orgId));
    return new Map(rows.map((r) => [r.displayName, r]));
  };
  const roleId = async (orgId: string, name: string) => {
    const [row] = await t.database.db
      .select({ id: lookups.id })
      .from(lookups)
      .where(
        and(eq(lookups.orgId, orgId), eq(lookups.kind, 'relation-roles'), eq(lookups.name, name)),
      );
    return row!.id;
  };

  it('a trial booking for a child creates the child, finds one guardian by phone, creates the other and links both', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const mother = await org.owner.request('POST', '/api/persons', {
      firstName: 'Anna',
      lastName: 'Berg',
      phones: [{ number: '070-555 11 22' }],
    });
    const motherId = mother.json<{ person: { id: string } }>().person.id;

    const child = {
      externalId: 'kid-1',
      firstName: 'Lisa',
      lastName: 'Berg',
      birthDate: '2018-04-02',
      guardians: [
        { firstName: 'Anna', lastName: 'Berg', phones: ['+46705551122'], relation: 'Mamma' },
        { firstName: 'Olof', lastName: 'Berg', emails: ['olof@example.test'], relation: 'Папа' },
      ],
    };
    const log = await send(org, src, [
      event('booking.created', '2026-12-07T08:00:00Z', {
        booking: {
          externalId: 'b-1',
          className: 'Dance 6–8',
          startsAt: '2026-12-10T16:00:00Z',
          trial: true,
        },
        member: child,
      }),
    ]);
    const people = await personsOf(org.orgId);
    const lisa = people.get('Lisa Berg')!;
    const olof = people.get('Olof Berg')!;
    expect(lisa.birthDate).toBe('2018-04-02');
    expect(log[0]).toMatchObject({ contactId: lisa.id });
    expect(log[0]!.outcome).toEqual(
      expect.arrayContaining([
        { step: 'guardian_linked', contactId: motherId, by: 'phone' },
        { step: 'guardian_created', contactId: olof.id },
        { step: 'guardian_linked', contactId: olof.id, by: 'created' },
      ]),
    );
    expect(olof.emailKeys).toEqual(['olof@example.test']);
    expect(await relationsOf(org.orgId)).toEqual(
      expect.arrayContaining([
        {
          guardianId: motherId,
          childId: lisa.id,
          roleId: await roleId(org.orgId, 'Mother'),
          primary: true,
        },
        {
          guardianId: olof.id,
          childId: lisa.id,
          roleId: await roleId(org.orgId, 'Father'),
          primary: false,
        },
      ]),
    );

    // A contract for the same child later: the child is found by id, the guardians by their
    // keys, and nothing is linked twice; a new sibling gets the same mother as primary.
    await send(org, src, [
      event('contract.created', '2026-12-08T08:00:00Z', {
        contract: {
          externalId: 'c-1',
          kind: 'recurring',
          service: 'Dance kids',
          startsOn: '2027-01-01',
          currency: 'SEK',
          paid: true,
          state: 'active',
        },
        member: { externalId: 'kid-1', guardians: child.guardians },
      }),
    ]);
    expect(await relationsOf(org.orgId)).toHaveLength(2);
    expect((await personsOf(org.orgId)).size).toBe(3);
  });

  it('refuses a guardian with nothing to find or create them by', async () => {
    const org = await createOrg(t.app);
    const src = await connect(org);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${src.source.id}/events/batch`,
      ...signed(src.secret, {
        events: [
          event('booking.created', '2026-12-07T08:00:00Z', {
            booking: { externalId: 'b-2', className: 'Judo', startsAt: '2026-12-10T16:00:00Z' },
            member: { externalId: 'kid-2', firstName: 'Tim', guardians: [{ relation: 'Mother' }] },
          }),
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: Record<string, string> }>().fields).toEqual({
      'events.0.data.member.guardians.0.firstName': 'A guardian needs a name, a phone or an email',
    });
    expect(await relationsOf(org.orgId)).toHaveLength(0);
  });
});
